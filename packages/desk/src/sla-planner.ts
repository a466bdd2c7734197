import type { Tx } from "@atende/db";
import {
  escalationDueAt,
  matchPolicy,
  planClocks,
  RESOLVED_STATUSES,
  type Calendar,
  type PlannedClock,
  type SlaPolicy,
  type TicketStatus,
} from "@atende/domain";
import { cancelTimer, scheduleTimer, type TimerRef } from "@atende/jobs";
import { loadCalendar, loadPolicies } from "./policies.repo";
import { clockSubject, escalationSubject } from "./timer-subjects";

export type TimerPlan = { kind: "sla-warning" | "sla-breach" | "sla-escalation"; subject: string; dueAt: Date | null };

/** A clock row as it is stored, from the plan and what was stored before. */
export type ClockWrite = {
  kind: PlannedClock["kind"];
  status: PlannedClock["status"];
  target: object;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
};

type StoredClock = {
  kind: string;
  dueAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
};

export type SlaTicketFacts = {
  id: string;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  lastPublicUpdateAt: Date | null;
  status: string;
  escalationLevel: number;
  breached: boolean;
};

export type SlaPlan = {
  clocks: ClockWrite[];
  /** Kinds stored before that the policy no longer has: their rows are deleted. */
  droppedKinds: string[];
  timers: TimerPlan[];
  nextDueAt: Date | null;
  breached: boolean;
};

/**
 * What the ticket's clocks and timers should be, from the matched policy and what is stored (nothing, for a new
 * ticket). Pure: replanSla and ticket creation store the result each in their own way.
 */
export function planSla(input: {
  policy: SlaPolicy | null;
  calendar: Calendar;
  ticket: SlaTicketFacts;
  pauses: Array<{ from: Date; to: Date | null }>;
  existing: StoredClock[];
  now: Date;
}): SlaPlan {
  const { policy, ticket, existing, now } = input;
  const planned: PlannedClock[] = policy
    ? planClocks({
        policy,
        calendar: input.calendar,
        createdAt: ticket.createdAt,
        firstResponseAt: ticket.firstResponseAt,
        resolvedAt: ticket.resolvedAt,
        lastPublicUpdateAt: ticket.lastPublicUpdateAt,
        pauses: input.pauses,
        status: ticket.status as TicketStatus,
        now,
      })
    : [];
  const plannedKinds = new Set<string>(planned.map((c) => c.kind));
  const timers: TimerPlan[] = [];
  const effective: PlannedClock[] = [];
  const clocks: ClockWrite[] = [];
  for (const planned0 of planned) {
    const before = existing.find((c) => c.kind === planned0.kind);
    // A breach is recorded by the breach timer alone (event, notices, escalation). A replan that finds a clock past
    // due before its timer fired keeps it running with the timer due at once, so the breach is never silent.
    const newlyBreached = planned0.status === "breached" && !before?.breachedAt;
    const clock: PlannedClock = newlyBreached ? { ...planned0, status: "running" } : planned0;
    effective.push(clock);
    clocks.push({
      kind: clock.kind,
      status: clock.status,
      target: (policy!.targets as Record<string, unknown>)[targetKey(clock.kind)] as object,
      startedAt: clock.startedAt ?? ticket.createdAt,
      dueAt: clock.dueAt,
      warnAt: clock.warnAt,
      breachedAt: clock.status === "breached" ? (before?.breachedAt ?? clock.dueAt ?? now) : null,
      metAt: clock.status === "met" ? (before?.metAt ?? now) : null,
    });
    const running = clock.status === "running";
    const warned = before?.warnedAt && before.dueAt?.getTime() === clock.dueAt?.getTime();
    timers.push({
      kind: "sla-warning",
      subject: clockSubject(ticket.id, clock.kind),
      dueAt: running && !warned && !newlyBreached ? clock.warnAt : null,
    });
    timers.push({
      kind: "sla-breach",
      subject: clockSubject(ticket.id, clock.kind),
      dueAt: running ? clock.dueAt : null,
    });
  }
  const dropped = existing.filter((c) => !plannedKinds.has(c.kind));
  for (const gone of dropped) {
    timers.push({ kind: "sla-warning", subject: `${ticket.id}_${gone.kind}`, dueAt: null });
    timers.push({ kind: "sla-breach", subject: `${ticket.id}_${gone.kind}`, dueAt: null });
  }
  timers.push(...escalationTimers(policy, ticket, effective));
  return {
    clocks,
    droppedKinds: dropped.map((c) => c.kind),
    timers,
    nextDueAt: earliest(effective.filter((c) => c.status === "running").map((c) => c.dueAt)),
    breached: ticket.breached || effective.some((c) => c.status === "breached"),
  };
}

/**
 * Recomputes every SLA clock of a ticket from the database's facts (classification, pauses, replies, status) and
 * reschedules its timers. Called in the same transaction as every relevant change; the returned timers are enqueued
 * after commit. Pure planning lives in the domain (planClocks) and planSla; this only loads and stores.
 */
export async function replanSla(
  tx: Tx,
  tenantId: string,
  ticketId: string,
  now: Date,
  /** The tenant's active policies when the caller already loaded them in this transaction. */
  loaded?: SlaPolicy[],
): Promise<TimerRef[]> {
  const ticket = await tx.ticket.findFirstOrThrow({ where: { tenantId, id: ticketId } });
  const policies = loaded ?? (await loadPolicies(tx, tenantId));
  const policy = matchPolicy(policies, {
    buId: ticket.buId,
    type: ticket.type,
    priority: ticket.priority,
    channel: ticket.channel,
    tier: ticket.organisationTier,
    catalogueItemId: ticket.catalogueItemId,
  });
  const existing = await tx.slaClock.findMany({ where: { tenantId, ticketId } });
  const calendar: Calendar = policy ? await loadCalendar(tx, tenantId, policy.calendarId) : "24x7";
  const pauses = policy
    ? await tx.ticketPause.findMany({ where: { tenantId, ticketId }, select: { from: true, to: true } })
    : [];
  const plan = planSla({ policy, calendar, ticket, pauses, existing, now });
  await tx.slaClock.deleteMany({ where: { tenantId, ticketId, kind: { notIn: plan.clocks.map((c) => c.kind) } } });
  for (const { kind, ...data } of plan.clocks) {
    await tx.slaClock.upsert({
      where: { tenantId_ticketId_kind: { tenantId, ticketId, kind } },
      create: { tenantId, ticketId, kind, ...data },
      update: data,
    });
  }
  await tx.ticket.update({
    where: { id: ticketId },
    data: { slaPolicyId: policy?.id ?? null, nextDueAt: plan.nextDueAt, breached: plan.breached },
  });
  return applyTimers(tx, tenantId, plan.timers);
}

function targetKey(kind: PlannedClock["kind"]): string {
  return {
    first_response: "firstResponse",
    resolution: "resolution",
    periodic_update: "periodicUpdate",
    follow_up: "followUp",
  }[kind];
}

function earliest(dates: Array<Date | null>): Date | null {
  const times = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

/** Levels counted from creation are scheduled up front; levels counted from a breach are scheduled by the breach. */
function escalationTimers(
  policy: SlaPolicy | null,
  ticket: { id: string; createdAt: Date; status: string; escalationLevel: number },
  planned: PlannedClock[],
): TimerPlan[] {
  const restored = RESOLVED_STATUSES.includes(ticket.status as TicketStatus);
  const breachedAt = earliest(planned.filter((c) => c.status === "breached").map((c) => c.dueAt));
  return (policy?.escalation ?? []).map((level) => ({
    kind: "sla-escalation" as const,
    subject: escalationSubject(ticket.id, level.level),
    dueAt:
      restored || level.level <= ticket.escalationLevel
        ? null
        : escalationDueAt(level, { createdAt: ticket.createdAt, breachedAt }),
  }));
}

async function applyTimers(tx: Tx, tenantId: string, plans: TimerPlan[]): Promise<TimerRef[]> {
  const current = await tx.timer.findMany({
    where: {
      tenantId,
      subject: { in: plans.map((p) => p.subject) },
      kind: { in: ["sla-warning", "sla-breach", "sla-escalation"] },
    },
  });
  const refs: TimerRef[] = [];
  for (const plan of plans) {
    const row = current.find((t) => t.kind === plan.kind && t.subject === plan.subject);
    if (plan.dueAt === null) {
      if (row?.status === "scheduled") await cancelTimer(tx, tenantId, plan.kind, plan.subject);
      continue;
    }
    // An unchanged, still-scheduled timer keeps its job: replans happen often and most move nothing.
    if (row?.status === "scheduled" && row.dueAt.getTime() === plan.dueAt.getTime()) continue;
    if (row?.status === "fired" && row.dueAt.getTime() === plan.dueAt.getTime()) continue;
    refs.push(await scheduleTimer(tx, { tenantId, kind: plan.kind, subject: plan.subject, dueAt: plan.dueAt }));
  }
  return refs;
}
