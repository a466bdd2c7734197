import { withTenant } from "@atende/db";
import { replanSla } from "@atende/desk";
import { formatEmailDate } from "@atende/domain";
import { expectFilledMail, outboxMails } from "@atende/testkit";
import { dispatchTimers } from "@atende/jobs";
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
  subjects,
  ticketOf,
  timersOf,
  type Staff,
} from "./sla-fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { createTenant, createWorld, silentLogger, sleep, waitFor, type World } from "./support";

const PUBLIC_URL = "https://desk.example.test";

describe("periodic update and follow-up clocks", () => {
  let world: World;
  let producer: Queues;
  let sink: SmtpSink;
  let worker: RunningWorker;
  let tenantId: string;
  let team: Staff;

  beforeAll(async () => {
    world = await createWorld();
    producer = createQueues(world.redis, world.prefix);
    sink = await startSmtpSink();
    tenantId = await createTenant(world.tdb.ownerUrl);
    team = await givenGroup(world.db, tenantId, "SUPPORT");
    const calendarId = await givenCalendar24x7(world.db, tenantId);
    await givenPolicy(world.db, tenantId, {
      code: "updates",
      calendarId,
      conditions: { priorities: ["low"] },
      targets: { periodicUpdate: { minutes: 1 } },
    });
    await givenPolicy(world.db, tenantId, {
      code: "failure-report",
      calendarId,
      conditions: { priorities: ["medium"] },
      targets: { followUp: { minutes: 1 } },
    });
    worker = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      mailer: createSmtpMailer({ url: sink.url, from: "Atende <no-reply@atende.test>" }),
      outboxSweepEveryMs: 200,
      publicUrl: PUBLIC_URL,
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await closeQueues(producer);
    await sink?.close();
    await world?.close();
  });

  const mailsFor = (number: number) => subjects(sink.messages).filter((s) => s.startsWith(`[#${number}]`));

  it("a missed periodic update sends the customer the update and starts the next cycle", async () => {
    // Due in ~1.5 s: planned any later than the due instant, the clock would be born breached, with no timer.
    const createdAt = new Date(Date.now() - 58_500);
    const dueAt = new Date(createdAt.getTime() + 60_000);
    const ticket = await openTicket(world.db, producer.timers, tenantId, {
      priority: "low",
      createdAt,
      groupId: team.groupId,
      requesterEmail: "customer@example.test",
    });

    await waitFor(async () => (mailsFor(ticket.number).length >= 2 ? true : undefined), 8_000, "two e-mails");
    expect(mailsFor(ticket.number).sort()).toEqual([
      `[#${ticket.number}] Avance de tu caso`,
      `[#${ticket.number}] SLA breached: periodic update`,
    ]);
    const toCustomer = sink.messages.find((m) => m.includes(`[#${ticket.number}] Avance de tu caso`))!;
    expect(toCustomer).toContain("To: customer@example.test");
    const row = await ticketOf(world.db, tenantId, ticket.id);
    expect(row.breached).toBe(true);
    expect(row.lastPublicUpdateAt!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    const clock = await clockOf(world.db, tenantId, ticket.id, "periodic_update");
    expect(clock).toMatchObject({ status: "running", breachedAt: null, warnedAt: null });
    expect(clock.startedAt).toEqual(row.lastPublicUpdateAt);
    expect(clock.dueAt!.getTime()).toBe(row.lastPublicUpdateAt!.getTime() + 60_000);
    // The customer is written in Spanish (no account of their own), the staff in their account's English.
    expectFilledMail((await outboxMails(world.db, tenantId, "customer@example.test"))[0], [
      `Seguimos trabajando en tu caso ${ticket.number} (Checkout is down).`,
      "Estado actual: Nuevo.",
      `a más tardar el ${formatEmailDate(clock.dueAt!)}.`,
    ]);
    const toStaff = await outboxMails(world.db, tenantId, team.email);
    expectFilledMail(
      toStaff.find((m) => m.subject === `[#${ticket.number}] SLA breached: periodic update`),
      [
        `The periodic update target of case ${ticket.number} (Checkout is down, priority Low) was due at ` +
          `${formatEmailDate(dueAt)}`,
        `${PUBLIC_URL}/operator/queue/${ticket.id}`,
      ],
    );
    const timers = await timersOf(world.db, tenantId, ticket.id);
    const nextBreach = timers.find((t) => t.kind === "sla-breach")!;
    expect(nextBreach).toMatchObject({ status: "scheduled", generation: 2, dueAt: clock.dueAt });
    expect(timers.find((t) => t.kind === "sla-warning")).toMatchObject({ status: "scheduled", dueAt: clock.warnAt });
    const types = (await eventsOf(world.db, tenantId, ticket.id)).map((e) => e.type);
    // The overdue warning may or may not run before the breach on a loaded machine; it is not what is tested here.
    expect(types.filter((t) => t.startsWith("sla.") && t !== "sla.warning")).toEqual([
      "sla.breached",
      "sla.periodic_update_sent",
    ]);
  });

  it("a periodic update reaches every customer the incident affects, one e-mail each", async () => {
    // Tickets on a priority no policy covers: they have no clocks of their own.
    const quiet = (requesterEmail: string) =>
      openTicket(world.db, producer.timers, tenantId, {
        priority: "unmatched",
        createdAt: new Date(),
        requesterEmail,
      });
    const duplicate = await quiet("dup@example.test");
    const caused = await quiet("caused@example.test");
    const blocked = await quiet("blocked@example.test");
    const related = await quiet("related@example.test");
    const sameCustomer = await quiet("owner@example.test");
    const incident = await openTicket(world.db, producer.timers, tenantId, {
      priority: "low",
      createdAt: new Date(Date.now() - 57_000),
      groupId: team.groupId,
      requesterEmail: "owner@example.test",
    });
    await withTenant(world.db, tenantId, (tx) =>
      tx.ticketLink.createMany({
        data: [
          { tenantId, ticketId: duplicate.id, targetType: "ticket", targetId: incident.id, relation: "duplicates" },
          { tenantId, ticketId: caused.id, targetType: "ticket", targetId: incident.id, relation: "caused_by" },
          { tenantId, ticketId: incident.id, targetType: "ticket", targetId: blocked.id, relation: "blocks" },
          { tenantId, ticketId: related.id, targetType: "ticket", targetId: incident.id, relation: "relates" },
          { tenantId, ticketId: sameCustomer.id, targetType: "ticket", targetId: incident.id, relation: "duplicates" },
        ],
      }),
    );

    // Each customer hears about their own case, the one they can open in the portal.
    const own = new Map([
      [incident.number, "owner@example.test"],
      [duplicate.number, "dup@example.test"],
      [caused.number, "caused@example.test"],
      [blocked.number, "blocked@example.test"],
    ]);
    const updates = () =>
      sink.messages.filter((m) => [...own.keys()].some((n) => m.includes(`[#${n}] Avance de tu caso`)));
    await waitFor(async () => (updates().length >= 4 ? true : undefined), 10_000, "four updates");
    await sleep(500);
    const recipients = updates()
      .map((m) => /^To: (.*)$/m.exec(m)?.[1])
      .sort();
    expect(recipients).toEqual([
      "blocked@example.test",
      "caused@example.test",
      "dup@example.test",
      "owner@example.test",
    ]);
    for (const [number, email] of own) {
      const update = (await outboxMails(world.db, tenantId, email)).find((m) =>
        m.subject.endsWith("Avance de tu caso"),
      );
      expect(update?.subject).toBe(`[#${number}] Avance de tu caso`);
      expectFilledMail(update, [`tu caso ${number} (Checkout is down)`, "Estado actual: Nuevo."]);
    }
    expect(await outboxMails(world.db, tenantId, "related@example.test")).toEqual([]);
    const sent = (await eventsOf(world.db, tenantId, incident.id)).find((e) => e.type === "sla.periodic_update_sent");
    expect(sent?.data).toMatchObject({ customerNotified: true, customersNotified: 4 });
  });

  it("a follow-up report not sent in time tells the group the failure report is due", async () => {
    const ticket = await openTicket(world.db, producer.timers, tenantId, {
      priority: "medium",
      createdAt: new Date(Date.now() - 3_600_000),
      groupId: team.groupId,
    });
    const resolvedAt = new Date(Date.now() - 58_500);
    const refs = await withTenant(world.db, tenantId, async (tx) => {
      await tx.ticket.update({
        where: { id: ticket.id },
        data: { status: "resolved", resolvedAt, resolutionKind: "definitive", resolutionNote: "Fixed" },
      });
      return replanSla(tx, tenantId, ticket.id, new Date());
    });
    await dispatchTimers(world.db, producer.timers, refs);

    await waitFor(async () => (mailsFor(ticket.number).length >= 1 ? true : undefined), 8_000, "an e-mail");
    const clock = await clockOf(world.db, tenantId, ticket.id, "follow_up");
    expect(clock.status).toBe("breached");
    await sleep(800);
    const due = formatEmailDate(clock.dueAt!);
    expect(mailsFor(ticket.number)).toEqual([`[#${ticket.number}] Failure report due by ${due}`]);
    expect(sink.messages.find((m) => m.includes(`[#${ticket.number}]`))).toContain(team.email);
    const toStaff = await outboxMails(world.db, tenantId, team.email);
    expectFilledMail(
      toStaff.find((m) => m.subject.startsWith(`[#${ticket.number}]`)),
      [
        `The incident ${ticket.number} (Checkout is down, priority Medium) was solved on ${formatEmailDate(resolvedAt)}.`,
        `by ${due}.`,
        `${PUBLIC_URL}/operator/queue/${ticket.id}`,
      ],
    );
    expect((await ticketOf(world.db, tenantId, ticket.id)).escalationLevel).toBe(0);
  });
});
