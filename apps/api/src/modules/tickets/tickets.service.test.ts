import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { expectFilledMail, outboxMails } from "@atende/testkit";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";
import { givenPolicy } from "../../../test/factories/service-desk";
import { portalLink } from "../../../test/ticket-mail";

let t: TestApp;
let tenantId: string;
let agent: Session;
let customer: Session;
let otherCustomer: Session;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("tickets-a");
  tenantId = a.id;
  await a.user("agent@t-a.test", [tenantWide("operator")]);
  const customerId = await a.user("carla@t-a.test", [tenantWide("customer")]);
  await a.user("other@t-a.test", [tenantWide("customer")]);
  await withTenant(t.db, tenantId, (tx) =>
    tx.customer.create({ data: { tenantId, name: "Carla", email: "carla@t-a.test", userId: customerId } }),
  );
  await givenPolicy(t.db, tenantId, {
    code: "high-incidents",
    name: "High incidents",
    calendar: "24x7",
    conditions: { types: ["incident"], priorities: ["high"] },
    targets: { firstResponse: { minutes: 10 }, resolution: { minutes: 240 }, periodicUpdate: { minutes: 180 } },
    channelRules: [
      { priority: "high", allowedChannels: ["phone", "email", "portal"], autoReplyTemplate: "channel.high" },
    ],
  });
  agent = await login(t.app, "agent@t-a.test");
  customer = await login(t.app, "carla@t-a.test");
  otherCustomer = await login(t.app, "other@t-a.test");
});

const create = (s: Session, body: Record<string, unknown>) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/tickets",
    headers: s.headers,
    payload: {
      subject: "Platform down",
      description: "Nobody can sign in",
      channel: "email",
      type: "incident",
      priority: "high",
      ...body,
    },
  });

describe("tickets", () => {
  it("numbers tickets consecutively per tenant and starts the SLA clocks of the matching policy", async () => {
    const first = await create(agent, {});
    const second = await create(agent, { priority: "low" });
    expect(first.statusCode).toBe(201);
    expect(second.json().number).toBe(first.json().number + 1);
    const clocks = first.json().clocks as Array<{ kind: string; status: string; dueAt: string }>;
    expect(clocks.map((c) => c.kind).sort()).toEqual(["first_response", "periodic_update", "resolution"]);
    const fr = clocks.find((c) => c.kind === "first_response")!;
    expect(new Date(fr.dueAt).getTime() - new Date(first.json().createdAt).getTime()).toBe(10 * 60_000);
    expect(first.json().nextDueAt).toBe(fr.dueAt);
    expect(second.json().clocks).toEqual([]);
    const timers = await withTenant(t.db, tenantId, (tx) =>
      tx.timer.findMany({ where: { subject: { startsWith: first.json().id } } }),
    );
    expect(timers.filter((x) => x.kind === "sla-breach").length).toBe(3);
  });

  it("sends the customer the case number on creation", async () => {
    const res = await create(customer, { channel: "portal" });
    expect(res.statusCode).toBe(201);
    const mail = (await outboxMails(t.db, tenantId, "carla@t-a.test")).find((m) =>
      m.subject.startsWith(`[#${res.json().number}]`),
    );
    expectFilledMail(mail, [
      `[#${res.json().number}] We have received your request: Platform down`,
      "Hello Carla,",
      `registered your case with number ${res.json().number}.`,
      portalLink(t, res.json().id),
    ]);
  });

  it("marks a ticket on a channel its priority may not use and replies automatically", async () => {
    const res = await create(agent, { channel: "whatsapp" });
    expect(res.json()).toMatchObject({ channelFlag: "channel_not_allowed", tags: ["channel_not_allowed"] });
    const msgs = await t.app.inject({
      method: "GET",
      url: `/api/v1/tickets/${res.json().id}/messages`,
      headers: agent.headers,
    });
    expect(msgs.json().items[0]).toMatchObject({ authorKind: "system", visibility: "public" });
  });

  it("the first public agent reply is the first response; internal notes are hidden from the customer", async () => {
    const ticket = (await create(customer, { channel: "portal" })).json();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/messages`,
      headers: agent.headers,
      payload: { visibility: "internal", body: "checking logs" },
    });
    let detail = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${ticket.id}`, headers: agent.headers })
    ).json();
    expect(detail.firstResponseAt).toBeNull();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/messages`,
      headers: agent.headers,
      payload: { visibility: "public", body: "We are on it" },
    });
    detail = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${ticket.id}`, headers: agent.headers })
    ).json();
    expect(detail.firstResponseAt).not.toBeNull();
    expect(detail.clocks.find((c: { kind: string }) => c.kind === "first_response").status).toBe("met");
    const seen = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${ticket.id}/messages`, headers: customer.headers })
    ).json();
    expect(seen.items.map((m: { body: string }) => m.body)).toEqual(["We are on it"]);
    const update = (await outboxMails(t.db, tenantId, "carla@t-a.test")).find(
      (m) => m.subject === `[#${ticket.number}] Update on your case`,
    );
    expectFilledMail(update, [
      `There is news on your case ${ticket.number} (Platform down):\n\nWe are on it`,
      "Current status: New.",
      portalLink(t, ticket.id),
    ]);
  });

  it("pending pauses the clocks, a customer reply resumes them; resolve needs a resolution", async () => {
    const created = (await create(customer, { channel: "portal" })).json();
    const ticket = (
      await t.app.inject({
        method: "POST",
        url: `/api/v1/tickets/${created.id}/actions`,
        headers: agent.headers,
        payload: { action: "acknowledge", version: created.version },
      })
    ).json();
    const pend = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/actions`,
      headers: agent.headers,
      payload: { action: "pend", version: ticket.version, pauseReason: "waiting_customer" },
    });
    expect(pend.json().status).toBe("pending");
    const statuses = Object.fromEntries(
      pend.json().clocks.map((c: { kind: string; status: string }) => [c.kind, c.status]),
    );
    // Acknowledging was the initial diagnosis: the first response is met; the others pause.
    expect(statuses).toEqual({ first_response: "met", resolution: "paused", periodic_update: "paused" });
    expect(pend.json().nextDueAt).toBeNull();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/messages`,
      headers: customer.headers,
      payload: { visibility: "public", body: "Here is the screenshot" },
    });
    const resumed = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${ticket.id}`, headers: agent.headers })
    ).json();
    expect(resumed.status).toBe("in_progress");
    expect(resumed.clocks.find((c: { kind: string }) => c.kind === "resolution").status).toBe("running");
    const noResolution = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/actions`,
      headers: agent.headers,
      payload: { action: "resolve", version: resumed.version },
    });
    expect(noResolution.statusCode).toBe(400);
    expect(noResolution.json().errors[0].path).toBe("body.resolution");
    const resolved = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/actions`,
      headers: agent.headers,
      payload: {
        action: "resolve",
        version: resumed.version,
        resolution: { kind: "temporary", note: "Restarted the service" },
      },
    });
    expect(resolved.json()).toMatchObject({ status: "resolved", resolutionKind: "temporary" });
    expect(resolved.json().allowedActions).toEqual(expect.arrayContaining(["close", "reopen"]));
  });

  it("refuses an action the status table does not allow, and a stale version", async () => {
    const ticket = (await create(agent, {})).json();
    const bad = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/actions`,
      headers: agent.headers,
      payload: { action: "reopen", version: ticket.version },
    });
    expect(bad.statusCode).toBe(409);
    const ok = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/actions`,
      headers: agent.headers,
      payload: { action: "acknowledge", version: ticket.version },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/actions`,
      headers: agent.headers,
      payload: { action: "start", version: ticket.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("STALE_VERSION");
  });

  it("reclassification replans the clocks; both classifications are kept", async () => {
    const ticket = (await create(agent, { priority: "low" })).json();
    expect(ticket.clocks).toEqual([]);
    const res = await t.app.inject({
      method: "PUT",
      url: `/api/v1/tickets/${ticket.id}/classification`,
      headers: agent.headers,
      payload: { type: "incident", priority: "high", version: ticket.version },
    });
    expect(res.json()).toMatchObject({ proposedPriority: "low", priority: "high" });
    expect(res.json().clocks.length).toBe(3);
  });

  it("customers see only their own tickets", async () => {
    const mine = (await create(customer, { channel: "portal" })).json();
    const list = (
      await t.app.inject({ method: "GET", url: "/api/v1/tickets?view=all", headers: otherCustomer.headers })
    ).json();
    expect(list.items.find((x: { id: string }) => x.id === mine.id)).toBeUndefined();
    const direct = await t.app.inject({
      method: "GET",
      url: `/api/v1/tickets/${mine.id}`,
      headers: otherCustomer.headers,
    });
    expect(direct.statusCode).toBe(404);
    const events = await t.app.inject({
      method: "GET",
      url: `/api/v1/tickets/${mine.id}/events`,
      headers: customer.headers,
    });
    expect(events.statusCode).toBe(403);
  });

  it("the queue sorts by next SLA due and finds tickets by full text and number", async () => {
    const unique = (await create(agent, { subject: "Printer zebracorn jammed", priority: "low" })).json();
    const found = (
      await t.app.inject({ method: "GET", url: "/api/v1/tickets?view=all&q=zebracorn", headers: agent.headers })
    ).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([unique.id]);
    const byNumber = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets?view=all&q=${unique.number}`, headers: agent.headers })
    ).json();
    expect(byNumber.items.map((x: { id: string }) => x.id)).toContain(unique.id);
    const queue = (
      await t.app.inject({ method: "GET", url: "/api/v1/tickets?view=open&limit=3", headers: agent.headers })
    ).json();
    const dues = queue.items.map((x: { nextDueAt: string | null }) => x.nextDueAt);
    const dated = dues.filter((d: string | null) => d !== null);
    expect(dated).toEqual([...dated].sort());
    let cursor = queue.nextCursor as string | null;
    let total = queue.items.length;
    while (cursor) {
      const page = (
        await t.app.inject({
          method: "GET",
          url: `/api/v1/tickets?view=open&limit=3&cursor=${cursor}`,
          headers: agent.headers,
        })
      ).json();
      total += page.items.length;
      cursor = page.nextCursor;
    }
    const all = (
      await t.app.inject({ method: "GET", url: "/api/v1/tickets?view=open&limit=200", headers: agent.headers })
    ).json();
    expect(total).toBe(all.items.length);
  });
});
