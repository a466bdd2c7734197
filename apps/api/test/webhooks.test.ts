import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "./app";

let t: TestApp;
let tenantId: string;
let admin: Session;
let operator: Session;
let otherAdmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("hooks-a");
  tenantId = a.id;
  await a.user("admin@hooks-a.test", [tenantWide("tenant_admin")]);
  await a.user("op@hooks-a.test", [tenantWide("operator")]);
  const b = await t.tenant("hooks-b");
  await b.user("admin@hooks-b.test", [tenantWide("tenant_admin")]);
  admin = await login(t.app, "admin@hooks-a.test");
  operator = await login(t.app, "op@hooks-a.test");
  otherAdmin = await login(t.app, "admin@hooks-b.test");
});

type Problem = { code: string; errors?: Array<{ path: string; message: string }> };

const create = (payload: Record<string, unknown>, s: Session = admin) =>
  t.app.inject({ method: "POST", url: "/api/v1/webhooks", headers: s.headers, payload });
const list = (s: Session = admin) => t.app.inject({ method: "GET", url: "/api/v1/webhooks", headers: s.headers });
const remove = (id: string, s: Session = admin) =>
  t.app.inject({ method: "DELETE", url: `/api/v1/webhooks/${id}`, headers: s.headers });

const hook = {
  url: "https://orders.example.com/hooks/atende",
  events: ["job.created", "job.cancelled", "job.created"],
};

describe("webhooks", () => {
  let id: string;
  let secret: string;

  it("creates an endpoint and shows its signing secret this once", async () => {
    const res = await create(hook);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      url: hook.url,
      events: ["job.created", "job.cancelled"],
      active: true,
      createdAt: expect.any(String),
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    id = created.id;
    secret = created.secret;
    const stored = await withTenant(t.db, tenantId, (tx) => tx.webhookEndpoint.findUniqueOrThrow({ where: { id } }));
    // The worker signs with it, so it is kept as given (not hashed).
    expect(stored.secret).toBe(secret);
    const second = (await create(hook)).json();
    expect(second.secret).not.toBe(secret);
  });

  it("lists endpoints without their secrets", async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(2);
    expect(items.map((i) => Object.keys(i).sort())).toEqual([
      ["active", "createdAt", "events", "id", "url"],
      ["active", "createdAt", "events", "id", "url"],
    ]);
    expect(res.body).not.toContain("whsec_");
    const paged = await t.app.inject({ method: "GET", url: "/api/v1/webhooks?limit=1", headers: admin.headers });
    expect(paged.json().items).toHaveLength(1);
    const next = await t.app.inject({
      method: "GET",
      url: `/api/v1/webhooks?limit=1&cursor=${paged.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(next.json()).toMatchObject({
      items: [expect.objectContaining({ id: expect.any(String) })],
      nextCursor: null,
    });
    expect(next.json().items[0].id).not.toBe(paged.json().items[0].id);
    expect((await list(otherAdmin)).json().items).toEqual([]);
  });

  it("answers 400 naming the field for a bad URL or events", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...hook, url: "ftp://orders.example.com/x" }, "body.url"],
      [{ ...hook, url: "not a url" }, "body.url"],
      [{ ...hook, events: [] }, "body.events"],
      [{ ...hook, events: ["job.exploded"] }, "body.events.0"],
    ];
    for (const [payload, path] of cases) {
      const res = await create(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect((res.json() as Problem).errors?.map((e) => e.path)).toContain(path);
    }
  });

  it("is for admins who manage API tokens only, never for API tokens themselves", async () => {
    expect((await list(operator)).statusCode).toBe(403);
    expect((await create(hook, operator)).statusCode).toBe(403);
    expect((await remove(id, operator)).statusCode).toBe(403);
    const token = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/api-tokens",
        headers: admin.headers,
        payload: { name: "Integration", scopes: ["read"] },
      })
    ).json().token as string;
    const viaToken = await t.app.inject({
      method: "GET",
      url: "/api/v1/webhooks",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(403);
  });

  it("deletes an endpoint: 204, then 404; another tenant's is a 404", async () => {
    expect((await remove(id, otherAdmin)).statusCode).toBe(404);
    const res = await remove(id);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect((await list()).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const again = await remove(id);
    expect(again.statusCode).toBe(404);
    expect((again.json() as Problem).code).toBe("NOT_FOUND");
  });

  it("audits creation and deletion without the secret", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) =>
      tx.auditLog.findMany({ where: { entityType: "webhook" }, orderBy: { at: "asc" } }),
    );
    expect(rows.map((r) => r.action)).toEqual(["webhook.create", "webhook.create", "webhook.delete"]);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});
