import { withTenant } from "@atende/db";
import { formatEmailDate, type EscalationLevel } from "@atende/domain";
import { expectFilledMail, outboxMails } from "@atende/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../src/channels/email.channel";
import { closeQueues, createQueues, type Queues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import {
  clockOf,
  eventsOf,
  givenCalendar24x7,
  givenGroup,
  givenPolicy,
  openTicket,
  recordingSlaHandlers,
  subjects,
  ticketOf,
  timersOf,
  type Staff,
} from "./sla-fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { createTenant, createWorld, silentLogger, sleep, waitFor, type World } from "./support";

describe("SLA breach and escalation through the running worker", () => {
  let world: World;
  let producer: Queues;
  let sink: SmtpSink;
  let worker: RunningWorker;
  let tenantId: string;
  let support: Staff;
  let managers: Staff;
  let recorded: ReturnType<typeof recordingSlaHandlers>;

  beforeAll(async () => {
    world = await createWorld();
    producer = createQueues(world.redis, world.prefix);
    sink = await startSmtpSink();
    tenantId = await createTenant(world.tdb.ownerUrl);
    support = await givenGroup(world.db, tenantId, "SUPPORT");
    managers = await givenGroup(world.db, tenantId, "MANAGERS");
    const calendarId = await givenCalendar24x7(world.db, tenantId);
    const escalateTo = (groupId: string, actions: EscalationLevel["actions"]): EscalationLevel[] => [
      { level: 1, label: "CS manager", offsetMinutes: 0, from: "breach", targetGroupId: groupId, actions },
    ];
    await givenPolicy(world.db, tenantId, {
      code: "high-incidents",
      calendarId,
      conditions: { types: ["incident"], priorities: ["high"] },
      targets: { firstResponse: { minutes: 1 } },
      escalation: escalateTo(support.groupId, ["notify", "raise_priority"]),
    });
    await givenPolicy(world.db, tenantId, {
      code: "medium-incidents",
      calendarId,
      conditions: { types: ["incident"], priorities: ["medium"] },
      targets: { firstResponse: { minutes: 1 } },
      escalation: escalateTo(managers.groupId, ["notify", "reassign", "raise_priority"]),
    });
    recorded = recordingSlaHandlers(world.db, producer.timers);
    worker = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      handlers: recorded.handlers,
      mailer: createSmtpMailer({ url: sink.url, from: "Atende <no-reply@atende.test>" }),
      outboxSweepEveryMs: 200,
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await closeQueues(producer);
    await sink?.close();
    await world?.close();
  });

  const mailsFor = (number: number) => subjects(sink.messages).filter((s) => s.startsWith(`[#${number}]`));

  it("a ticket on a test calendar with a 1-minute target breaches, escalates and notifies by real SMTP", async () => {
    // Due in ~1.5 s: planned any later than the due instant, the clock would be born breached, with no timer.
    const createdAt = new Date(Date.now() - 58_500);
    const ticket = await openTicket(world.db, producer.timers, tenantId, {
      priority: "high",
      createdAt,
      groupId: support.groupId,
    });
    const dueAt = new Date(createdAt.getTime() + 60_000);

    await waitFor(async () => (mailsFor(ticket.number).length >= 2 ? true : undefined), 10_000, "two e-mails");
    const clock = await clockOf(world.db, tenantId, ticket.id, "first_response");
    expect(clock.status).toBe("breached");
    expect(clock.breachedAt!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(clock.breachedAt!.getTime()).toBeLessThan(dueAt.getTime() + 3_000);
    const row = await ticketOf(world.db, tenantId, ticket.id);
    expect(row).toMatchObject({ breached: true, escalationLevel: 1, priority: "high", groupId: support.groupId });
    expect(mailsFor(ticket.number).sort()).toEqual([
      `[#${ticket.number}] Escalated to level 1`,
      `[#${ticket.number}] SLA breached: first response`,
    ]);
    const sent = await outboxMails(world.db, tenantId);
    const link = `http://localhost:3000/operator/queue/${ticket.id}`;
    expectFilledMail(
      sent.find((m) => m.subject === `[#${ticket.number}] SLA breached: first response`),
      [
        `The first response target of case ${ticket.number} (Checkout is down, priority High) was due at ` +
          `${formatEmailDate(dueAt)} and has been breached.`,
        link,
      ],
    );
    expectFilledMail(
      sent.find((m) => m.subject === `[#${ticket.number}] Escalated to level 1`),
      [`(Checkout is down, priority High) has been escalated to level 1: CS manager.`, link],
    );
    expect(sink.messages.filter((m) => m.includes(`[#${ticket.number}]`)).every((m) => m.includes(support.email))).toBe(
      true,
    );

    await sleep(1_000);
    const escalations = await escalationsOf(ticket.id);
    expect(escalations).toMatchObject([{ level: 1, label: "CS manager", targetGroupId: support.groupId }]);
    const types = (await eventsOf(world.db, tenantId, ticket.id)).map((e) => e.type);
    expect(types.filter((t) => t === "sla.breached" || t === "sla.escalated")).toEqual([
      "sla.breached",
      "sla.escalated",
    ]);
    expectEachTimerFiredOnce(ticket.id);
    const timers = await timersOf(world.db, tenantId, ticket.id);
    expect(
      timers
        .filter((t) => t.kind !== "sla-warning")
        .map((t) => [t.kind, t.status])
        .sort(),
    ).toEqual([
      ["sla-breach", "fired"],
      ["sla-escalation", "fired"],
    ]);
    expect(recorded.live).toContainEqual({ type: "ticket.changed", ticketId: ticket.id });
    expect(mailsFor(ticket.number)).toHaveLength(2);
  });

  it("escalating a medium incident reassigns it and raises it to high, which changes its policy", async () => {
    const createdAt = new Date(Date.now() - 58_500);
    const ticket = await openTicket(world.db, producer.timers, tenantId, {
      priority: "medium",
      createdAt,
      groupId: support.groupId,
    });

    await waitFor(async () => (mailsFor(ticket.number).length >= 2 ? true : undefined), 10_000, "two e-mails");
    const row = await ticketOf(world.db, tenantId, ticket.id);
    expect(row).toMatchObject({
      breached: true,
      escalationLevel: 1,
      priority: "high",
      groupId: managers.groupId,
      assigneeId: null,
      version: 2,
    });
    const policies = await withPolicyCodes();
    expect(policies.get(row.slaPolicyId!)).toBe("high-incidents");
    const breachMail = sink.messages.find((m) => m.includes(`[#${ticket.number}] SLA breached`))!;
    expect(breachMail).toContain(support.email);
    const escalationMail = sink.messages.find((m) => m.includes(`[#${ticket.number}] Escalated to level 1`))!;
    expect(escalationMail).toContain(managers.email);
    const escalation = (await outboxMails(world.db, tenantId, managers.email)).find((m) =>
      m.subject.startsWith(`[#${ticket.number}] Escalated`),
    );
    // The notice reports the ticket as the level left it: raised to high.
    expectFilledMail(escalation, ["priority High", `http://localhost:3000/operator/queue/${ticket.id}`]);

    await sleep(1_000);
    const escalated = (await eventsOf(world.db, tenantId, ticket.id)).filter((e) => e.type === "sla.escalated");
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.data).toMatchObject({
      level: 1,
      actions: ["notify", "reassign", "raise_priority"],
      changes: { priority: { from: "medium", to: "high" }, groupId: { from: support.groupId, to: managers.groupId } },
    });
    // The high policy's level 1 is already reached: the new plan must not escalate again.
    expect(await escalationsOf(ticket.id)).toHaveLength(1);
    expect((await clockOf(world.db, tenantId, ticket.id, "first_response")).status).toBe("breached");
    expectEachTimerFiredOnce(ticket.id);
    expect(mailsFor(ticket.number)).toHaveLength(2);
  });

  /**
   * The warning (already overdue at creation) normally fires first, but on a loaded machine the breach may get there
   * first and cancel it; breach and escalation must each run exactly once.
   */
  function expectEachTimerFiredOnce(ticketId: string): void {
    const kinds = recorded.runs.filter((r) => r.subject.startsWith(ticketId)).map((r) => r.kind);
    expect(kinds.filter((k) => k !== "sla-warning").sort()).toEqual(["sla-breach", "sla-escalation"]);
    expect(kinds.filter((k) => k === "sla-warning").length).toBeLessThanOrEqual(1);
  }

  function escalationsOf(ticketId: string) {
    return withTenant(world.db, tenantId, (tx) => tx.ticketEscalation.findMany({ where: { ticketId } }));
  }

  async function withPolicyCodes(): Promise<Map<string, string>> {
    const rows = await withTenant(world.db, tenantId, (tx) =>
      tx.slaPolicy.findMany({ select: { id: true, code: true } }),
    );
    return new Map(rows.map((r) => [r.id, r.code]));
  }
});
