import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";
import { SEARCH_BY_ID_MAX } from "./tickets.repo";

/** A search whose word matches more tickets than the word index hands over by id still finds the right page. */
let t: TestApp;
let agent: Session;
const CLOSED = SEARCH_BY_ID_MAX + 200;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("ticket-search");
  await a.user("agent@ts.test", [tenantWide("operator")]);
  await withTenant(t.db, a.id, async (tx) => {
    // Many closed tickets that mention the printer, written first...
    await tx.$executeRaw`
      INSERT INTO tickets (id, tenant_id, number, subject, description, channel, proposed_type, proposed_priority,
        type, priority, status, created_at, updated_at)
      SELECT gen_random_uuid(), ${a.id}::uuid, n, 'Printer jam ' || n, 'The printer on floor ' || n, 'email',
        'incident', 'low', 'incident', 'low', 'closed', now() - interval '30 days', now()
      FROM generate_series(1, ${CLOSED}::int) AS n`;
    // ...then three open ones, due at different times, and one open ticket about something else.
    await tx.$executeRaw`
      INSERT INTO tickets (id, tenant_id, number, subject, description, channel, proposed_type, proposed_priority,
        type, priority, status, next_due_at, created_at, updated_at)
      SELECT gen_random_uuid(), ${a.id}::uuid, ${CLOSED}::int + n, s.subject, 'Reported today', 'phone',
        'incident', 'high', 'incident', 'high', 'open', now() + (n || ' minutes')::interval, now(), now()
      FROM unnest(ARRAY['Printer on fire', 'Printer offline', 'Printer out of toner', 'Network down'])
        WITH ORDINALITY AS s(subject, n)`;
  });
  agent = await login(t.app, "agent@ts.test");
});

const search = (params: Record<string, string>) =>
  t.app.inject({
    method: "GET",
    url: `/api/v1/tickets?${new URLSearchParams({ limit: "50", ...params }).toString()}`,
    headers: agent.headers,
  });

describe("searching a common word", () => {
  it("finds the open matches in due order although the word matches more than the index hands over", async () => {
    const res = await search({ view: "open", q: "printer" });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { subject: string }) => x.subject)).toEqual([
      "Printer on fire",
      "Printer offline",
      "Printer out of toner",
    ]);
  });

  it("pages through every match of the word across all tickets", async () => {
    let cursor: string | null = null;
    let seen = 0;
    do {
      const res = await search({ view: "all", q: "printer", limit: "200", ...(cursor ? { cursor } : {}) });
      expect(res.statusCode).toBe(200);
      seen += res.json().items.length;
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toBe(CLOSED + 3);
  });

  it("still finds a rare word through the index, and a number", async () => {
    const fire = await search({ view: "all", q: "fire" });
    expect(fire.json().items.map((x: { subject: string }) => x.subject)).toEqual(["Printer on fire"]);
    const byNumber = await search({ view: "all", q: String(CLOSED + 4) });
    expect(byNumber.json().items.map((x: { subject: string }) => x.subject)).toEqual(["Network down"]);
  });
});
