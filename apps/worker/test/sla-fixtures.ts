import { randomUUID } from "node:crypto";
import { withTenant, type Db, PrismaNamespace } from "@atende/db";
import { replanSla, type LiveEvent } from "@atende/desk";
import type { EscalationLevel, SlaConditions, SlaTargets } from "@atende/domain";
import { dispatchTimers, type AnyTimerHandler, type TimerHandlers, type TimerKind, type TTimerJob } from "@atende/jobs";
import type { Queue } from "bullmq";
import { createTimerHandlers } from "../src/jobs";

const json = (value: unknown) => value as PrismaNamespace.InputJsonValue;

export type Staff = { groupId: string; userId: string; email: string };

/** A group with one member who has an e-mail address. */
export function givenGroup(db: Db, tenantId: string, code: string): Promise<Staff> {
  return withTenant(db, tenantId, async (tx) => {
    const email = `${code.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
    const user = await tx.user.create({ data: { tenantId, email, name: `Member of ${code}` } });
    const group = await tx.group.create({ data: { tenantId, code, name: `Group ${code}` } });
    await tx.groupMember.create({ data: { tenantId, groupId: group.id, userId: user.id } });
    return { groupId: group.id, userId: user.id, email };
  });
}

export async function givenCalendar24x7(db: Db, tenantId: string): Promise<string> {
  return withTenant(db, tenantId, async (tx) => {
    const row = await tx.businessCalendar.create({
      data: { tenantId, code: "24x7", name: "Always open", definition: json("24x7") },
    });
    return row.id;
  });
}

export function givenPolicy(
  db: Db,
  tenantId: string,
  policy: {
    code: string;
    calendarId: string;
    conditions: SlaConditions;
    targets: SlaTargets;
    escalation?: EscalationLevel[];
  },
): Promise<string> {
  return withTenant(db, tenantId, async (tx) => {
    const row = await tx.slaPolicy.create({
      data: {
        tenantId,
        code: policy.code,
        name: policy.code,
        conditions: json(policy.conditions),
        calendarId: policy.calendarId,
        targets: json(policy.targets),
        escalation: json(policy.escalation ?? []),
      },
    });
    return row.id;
  });
}

export type NewTicket = {
  priority: string;
  createdAt: Date;
  groupId?: string | null;
  requesterEmail?: string | null;
};

/** What the API does when a ticket is filed: insert it, plan its SLA, and enqueue the timers after commit. */
export async function openTicket(
  db: Db,
  queue: Queue,
  tenantId: string,
  input: NewTicket,
): Promise<{ id: string; number: number }> {
  const { ticket, number, refs } = await withTenant(db, tenantId, async (tx) => {
    const [taken] = await tx.$queryRaw<Array<{ number: bigint }>>`
      SELECT app_next_ticket_number(${tenantId}::uuid) AS number`;
    const ticket = await tx.ticket.create({
      data: {
        tenantId,
        number: Number(taken!.number),
        subject: "Checkout is down",
        description: "Nobody can pay",
        channel: "email",
        proposedType: "incident",
        proposedPriority: input.priority,
        type: "incident",
        priority: input.priority,
        groupId: input.groupId ?? null,
        requesterEmail: input.requesterEmail ?? null,
        createdAt: input.createdAt,
      },
    });
    return { ticket, number: Number(taken!.number), refs: await replanSla(tx, tenantId, ticket.id, new Date()) };
  });
  await dispatchTimers(db, queue, refs);
  return { id: ticket.id, number };
}

export type Run = { kind: TimerKind; subject: string; generation: number; at: Date };

/** The real handlers, recording each run that got past the claim, and the live events they published. */
export function recordingSlaHandlers(
  db: Db,
  queue: Queue,
): { handlers: TimerHandlers; runs: Run[]; live: LiveEvent[] } {
  const runs: Run[] = [];
  const live: LiveEvent[] = [];
  const real = createTimerHandlers({
    db,
    timersQueue: queue,
    publish: async (_tenantId, event) => {
      live.push(event);
    },
  });
  const wrap = (kind: TimerKind): AnyTimerHandler => {
    const handler = real[kind];
    const record = (job: TTimerJob, now: Date) =>
      runs.push({ kind, subject: job.subject, generation: job.generation, at: now });
    if (typeof handler !== "function") {
      return {
        raw: true,
        run: async (query, job, now, afterCommit) => {
          record(job, now);
          await handler.run(query, job, now, afterCommit);
        },
      };
    }
    return async (tx, job, now, afterCommit) => {
      record(job, now);
      await handler(tx, job, now, afterCommit);
    };
  };
  const handlers: TimerHandlers = {
    "session-expiry": wrap("session-expiry"),
    "sla-warning": wrap("sla-warning"),
    "sla-breach": wrap("sla-breach"),
    "sla-escalation": wrap("sla-escalation"),
    "ticket-auto-close": wrap("ticket-auto-close"),
    "sla-replan": wrap("sla-replan"),
    "contract-auto-send": wrap("contract-auto-send"),
    "contract-reminder": wrap("contract-reminder"),
    "contract-not-signed": wrap("contract-not-signed"),
  };
  return { handlers, runs, live };
}

export function clockOf(db: Db, tenantId: string, ticketId: string, kind: string) {
  return withTenant(db, tenantId, (tx) =>
    tx.slaClock.findUniqueOrThrow({ where: { tenantId_ticketId_kind: { tenantId, ticketId, kind } } }),
  );
}

export function ticketOf(db: Db, tenantId: string, ticketId: string) {
  return withTenant(db, tenantId, (tx) => tx.ticket.findUniqueOrThrow({ where: { id: ticketId } }));
}

export function eventsOf(db: Db, tenantId: string, ticketId: string) {
  return withTenant(db, tenantId, (tx) => tx.ticketEvent.findMany({ where: { ticketId }, orderBy: { at: "asc" } }));
}

export function timersOf(db: Db, tenantId: string, ticketId: string) {
  return withTenant(db, tenantId, (tx) => tx.timer.findMany({ where: { subject: { startsWith: ticketId } } }));
}

/** The Subject header of every message the SMTP sink received, unfolded. */
export function subjects(messages: string[]): string[] {
  return messages.flatMap((raw) => {
    const match = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw);
    return match ? [match[1]!.replace(/\r?\n[ \t]/g, " ")] : [];
  });
}
