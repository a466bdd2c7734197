import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { expectFilledMail, type MailPayload } from "@atende/testkit";
import { ENQUEUE_HORIZON_MS, hasPendingWakeUp } from "@atende/jobs";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";
import { givenPolicy } from "../../../test/factories/service-desk";
import { portalLink } from "../../../test/ticket-mail";

/** Ticket creation on the raw write path: what it answers is what is stored, and a refusal stores nothing. */
let t: TestApp;
let tenantId: string;
let buA: string;
let buB: string;
let agent: Session;
let scopedAgent: Session;
let customer: Session;
let customerRecordId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("ticket-create");
  tenantId = a.id;
  buA = await a.bu("TC-A");
  buB = await a.bu("TC-B");
  await a.user("agent@tc.test", [tenantWide("operator")]);
  await a.user("scoped@tc.test", [{ role: "operator", buId: buA, storeId: null }]);
  const customerUser = await a.user("maria@tc.test", [tenantWide("customer")]);
  customerRecordId = await withTenant(t.db, tenantId, async (tx) => {
    const row = await tx.customer.create({
      data: { tenantId, name: "María Pérez", email: "maria@tc.test", userId: customerUser },
    });
    return row.id;
  });
  await givenPolicy(t.db, tenantId, {
    code: "tc-high",
    name: "High incidents",
    calendar: {
      timezone: "Europe/Madrid",
      hours: { mon: [["09:00", "18:00"]], tue: [["09:00", "18:00"]], wed: [["09:00", "18:00"]] },
      holidays: [],
    },
    conditions: { types: ["incident"], priorities: ["high"] },
    targets: { firstResponse: { minutes: 30 }, resolution: { businessDays: 2 }, periodicUpdate: { minutes: 180 } },
    escalation: [
      { level: 1, label: "Team lead", offsetMinutes: 0, from: "creation", actions: ["notify"] },
      { level: 2, label: "Manager", offsetMinutes: 60, from: "creation", actions: ["notify"] },
      { level: 3, label: "Director", offsetMinutes: 30, from: "breach", actions: ["notify"] },
    ],
    channelRules: [{ priority: "high", allowedChannels: ["phone", "portal"], autoReplyTemplate: "channel.high" }],
  });
  await withTenant(t.db, tenantId, (tx) =>
    tx.replyTemplate.create({
      data: {
        tenantId,
        code: "channel.high",
        locale: "es",
        name: "Canal",
        body: "Hola {{customerName}}: para el caso {{ticketNumber}} use {{allowedChannels}}.",
      },
    }),
  );
  agent = await login(t.app, "agent@tc.test");
  scopedAgent = await login(t.app, "scoped@tc.test");
  customer = await login(t.app, "maria@tc.test");
});

const create = (s: Session, body: Record<string, unknown>) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/tickets",
    headers: s.headers,
    payload: { subject: "Router down", description: "No connection", channel: "phone", type: "incident", ...body },
  });

const get = (s: Session, id: string) =>
  t.app.inject({ method: "GET", url: `/api/v1/tickets/${id}`, headers: s.headers });

const counts = () =>
  withTenant(t.db, tenantId, async (tx) => ({
    tickets: await tx.ticket.count(),
    clocks: await tx.slaClock.count(),
    timers: await tx.timer.count(),
    events: await tx.ticketEvent.count(),
    outbox: await tx.outbox.count(),
  }));

describe("creating a ticket", () => {
  it("answers exactly what a later read returns: clocks, number, allowed actions", async () => {
    const created = await create(agent, { priority: "high", buId: buA, requesterEmail: "ana@example.test" });
    expect(created.statusCode).toBe(201);
    const read = await get(agent, created.json().id);
    expect(read.statusCode).toBe(200);
    expect(created.json()).toEqual(read.json());
    expect(created.json().clocks.map((c: { kind: string }) => c.kind)).toEqual([
      "first_response",
      "periodic_update",
      "resolution",
    ]);
    expect(created.json().slaPolicyId).not.toBeNull();
  });

  it("stores the clocks, the warning, breach and creation-counted escalation timers, the event and the e-mail", async () => {
    const before = await counts();
    const created = await create(agent, { priority: "high", requesterEmail: "ana@example.test" });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const stored = await withTenant(t.db, tenantId, async (tx) => ({
      timers: await tx.timer.findMany({ where: { subject: { startsWith: id } }, orderBy: [{ kind: "asc" }] }),
      events: await tx.ticketEvent.findMany({ where: { ticketId: id } }),
      clocks: await tx.slaClock.findMany({ where: { ticketId: id } }),
    }));
    // 3 clocks x (warning + breach) + escalation levels 1 and 2 (level 3 waits for a breach).
    expect(stored.timers.map((x) => x.kind).sort()).toEqual(
      [...Array(2).fill("sla-escalation"), ...Array(3).fill("sla-breach"), ...Array(3).fill("sla-warning")].sort(),
    );
    expect(stored.timers.every((x) => x.status === "scheduled" && x.generation === 1)).toBe(true);
    const levelOne = stored.timers.find((x) => x.kind === "sla-escalation" && x.subject.endsWith("_L1"))!;
    expect(levelOne.dueAt.toISOString()).toBe(created.json().createdAt);
    // Timers due within the enqueue horizon are marked by the insert and have their wake-up queued; the rest wait in the
    // database for the sweep (decision 0013).
    const horizonEnd = Date.parse(created.json().createdAt) + ENQUEUE_HORIZON_MS;
    const near = stored.timers.filter((x) => x.dueAt.getTime() <= horizonEnd);
    const far = stored.timers.filter((x) => x.dueAt.getTime() > horizonEnd);
    expect(near.length).toBeGreaterThan(0);
    expect(far.length).toBeGreaterThan(0);
    for (const timer of near) {
      expect(timer.enqueuedAt?.toISOString()).toBe(created.json().createdAt);
      expect(await hasPendingWakeUp(t.timersQueue, timer)).toBe(true);
    }
    for (const timer of far) {
      expect(timer.enqueuedAt).toBeNull();
      expect(await hasPendingWakeUp(t.timersQueue, timer)).toBe(false);
    }
    expect(stored.events).toMatchObject([
      {
        type: "ticket.created",
        data: { number: created.json().number, channel: "phone" },
        actorLabel: "agent@tc.test",
      },
    ]);
    for (const clock of stored.clocks) {
      const answered = created.json().clocks.find((c: { kind: string }) => c.kind === clock.kind);
      expect(answered).toEqual({
        kind: clock.kind,
        status: clock.status,
        startedAt: clock.startedAt.toISOString(),
        dueAt: clock.dueAt?.toISOString() ?? null,
        warnAt: clock.warnAt?.toISOString() ?? null,
      });
    }
    const after = await counts();
    expect(after.outbox - before.outbox).toBe(1);
    const mail = await withTenant(t.db, tenantId, (tx) =>
      tx.outbox.findFirstOrThrow({ orderBy: { createdAt: "desc" } }),
    );
    expect(mail.kind).toBe("email");
    expect(mail.payload).toMatchObject({ to: ["ana@example.test"] });
    expectFilledMail(mail.payload as MailPayload, [
      `[#${created.json().number}] We have received your request: Router down`,
      "Subject: Router down",
      "Priority: High",
      `You can follow it at ${portalLink(t, id)}.`,
    ]);
  });

  it("plans with the policies as they are now, though the API keeps the tenant's configuration between creations", async () => {
    const before = await create(agent, { priority: "low" });
    expect(before.json().slaPolicyId).toBeNull();

    const { policyId } = await givenPolicy(t.db, tenantId, {
      code: "tc-low",
      name: "Low incidents",
      calendar: "24x7",
      conditions: { types: ["incident"], priorities: ["low"] },
      targets: { firstResponse: { minutes: 240 } },
    });
    const matched = await create(agent, { priority: "low" });
    expect(matched.json().slaPolicyId).toBe(policyId);
    expect(matched.json().clocks.map((c: { kind: string }) => c.kind)).toEqual(["first_response"]);

    await withTenant(t.db, tenantId, (tx) => tx.slaPolicy.update({ where: { id: policyId }, data: { active: false } }));
    const deactivated = await create(agent, { priority: "low" });
    expect(deactivated.json().slaPolicyId).toBeNull();
    expect(deactivated.json().clocks).toEqual([]);
  });

  it("accepts a group or BU created after the configuration was cached, and refuses one deleted since", async () => {
    expect((await create(agent, { priority: "low" })).statusCode).toBe(201); // the configuration is cached now
    const group = await withTenant(t.db, tenantId, (tx) =>
      tx.group.create({ data: { tenantId, code: "TC-NEW", name: "New group" } }),
    );
    const bu = await withTenant(t.db, tenantId, (tx) =>
      tx.businessUnit.create({
        data: {
          tenantId,
          code: "TC-NEW",
          name: "New BU",
          timezone: "Europe/Madrid",
          locale: "es",
          currency: "EUR",
          country: "ES",
        },
      }),
    );
    const filed = await create(agent, { priority: "low", groupId: group.id, buId: bu.id });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ groupId: group.id, buId: bu.id });

    await withTenant(t.db, tenantId, (tx) => tx.group.delete({ where: { id: group.id } }));
    const refused = await create(agent, { priority: "low", groupId: group.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: "body.groupId" })]);
  });

  it("answers a disallowed channel with the policy's reply, in the BU's language, and marks the ticket", async () => {
    const created = await create(agent, {
      priority: "high",
      channel: "email",
      buId: buA,
      requesterCustomerId: customerRecordId,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.channelFlag).toBe("channel_not_allowed");
    expect(body.tags).toContain("channel_not_allowed");
    expect(body.requesterEmail).toBe("maria@tc.test");
    const stored = await withTenant(t.db, tenantId, async (tx) => ({
      messages: await tx.ticketMessage.findMany({ where: { ticketId: body.id } }),
      events: await tx.ticketEvent.findMany({ where: { ticketId: body.id }, orderBy: { at: "asc" } }),
      mails: await tx.outbox.findMany({ orderBy: { createdAt: "desc" }, take: 2 }),
    }));
    expect(stored.messages).toMatchObject([
      {
        authorKind: "system",
        visibility: "public",
        body: `Hola María Pérez: para el caso ${body.number} use phone, portal.`,
      },
    ]);
    expect(stored.events.map((e) => e.type).sort()).toEqual(["ticket.channel_not_allowed", "ticket.created"]);
    const texts = stored.mails.map((m) => JSON.stringify(m.payload));
    expect(texts.some((x) => x.includes("use phone, portal"))).toBe(true);
    // In the BU's language, addressed by the customer record's name.
    for (const mail of stored.mails) {
      expectFilledMail(mail.payload as MailPayload, ["Hola María Pérez", "Router down", portalLink(t, body.id)]);
    }
    expect(stored.mails.every((m) => (m.payload as { to: string[] }).to[0] === "maria@tc.test")).toBe(true);
  });

  it("files a customer's ticket for their own record, without a group, visible to them", async () => {
    const created = await create(customer, { priority: "low", channel: "portal", groupId: null });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      requesterCustomerId: customerRecordId,
      requesterEmail: "maria@tc.test",
      requesterName: "María Pérez",
      groupId: null,
      clocks: [],
    });
    const read = await get(customer, created.json().id);
    expect(read.json()).toEqual(created.json());
  });

  it("gives concurrent creations distinct consecutive numbers", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => create(agent, { priority: "low" })));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const numbers = results.map((r) => r.json().number as number).sort((x, y) => x - y);
    expect(numbers.at(-1)! - numbers[0]!).toBe(11);
    expect(new Set(numbers).size).toBe(12);
  });

  it.each([
    ["body.priority", { priority: "urgent" }],
    ["body.buId", { priority: "low", buId: "00000000-0000-4000-8000-000000000000" }],
    ["body.groupId", { priority: "low", groupId: "00000000-0000-4000-8000-000000000000" }],
    ["body.catalogueItemId", { priority: "low", catalogueItemId: "00000000-0000-4000-8000-000000000000" }],
    ["body.requesterCustomerId", { priority: "low", requesterCustomerId: "00000000-0000-4000-8000-000000000000" }],
  ])("refuses an unknown %s with a 400 naming it and writes nothing", async (path, body) => {
    const before = await counts();
    const res = await create(agent, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors).toEqual([expect.objectContaining({ path })]);
    expect(await counts()).toEqual(before);
  });

  it("spends no case number on a refused creation", async () => {
    const before = await create(agent, { priority: "low" });
    expect((await create(agent, { priority: "urgent" })).statusCode).toBe(400);
    expect((await create(scopedAgent, { priority: "low", buId: buB })).statusCode).toBe(400);
    const after = await create(agent, { priority: "low" });
    expect(after.json().number).toBe(before.json().number + 1);
  });

  it("refuses staff a ticket in a BU they do not work in, and writes nothing", async () => {
    const before = await counts();
    const refused = await create(scopedAgent, { priority: "low", buId: buB });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: "body.buId" })]);
    expect(await counts()).toEqual(before);
    const allowed = await create(scopedAgent, { priority: "low", buId: buA });
    expect(allowed.statusCode).toBe(201);
  });
});
