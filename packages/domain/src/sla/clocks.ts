import { addBusinessMinutes, dueFor, elapsedBusinessMinutes } from "../calendar/business-time";
import type { Calendar, Pause, SlaDuration } from "../calendar/calendar";
import { PAUSING_STATUSES, RESOLVED_STATUSES, type TicketStatus } from "../tickets/status";
import type { SlaPolicy, SlaTargets } from "./policy";

export const CLOCK_KINDS = ["first_response", "resolution", "periodic_update", "follow_up"] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_TARGET_KEYS: Record<ClockKind, keyof SlaTargets> = {
  first_response: "firstResponse",
  resolution: "resolution",
  periodic_update: "periodicUpdate",
  follow_up: "followUp",
};

/** A pause as recorded: `to` is null while the ticket is still in a pausing status. */
export type RecordedPause = { from: Date; to: Date | null };

export type ClockState = "running" | "warning" | "breached";

export type ClockReading = {
  dueAt: Date;
  warnAt: Date;
  elapsedMinutes: number;
  /** Business minutes left; negative once breached. */
  remainingMinutes: number;
  state: ClockState;
};

export type ClockInput = {
  calendar: Calendar;
  startedAt: Date;
  target: SlaDuration;
  pauses?: readonly RecordedPause[];
  warningPercent: number;
  now: Date;
};

/** An open pause counts up to `now`: whatever the ticket will do next, that much time is already paused. */
export function closePauses(pauses: readonly RecordedPause[], now: Date): Pause[] {
  return pauses.map((pause) => ({ from: pause.from, to: pause.to ?? (pause.from > now ? pause.from : now) }));
}

/** Length of the target in business minutes; for business days, the un-paused business time from start to due. */
export function targetBusinessMinutes(calendar: Calendar, startedAt: Date, target: SlaDuration): number {
  return "minutes" in target
    ? target.minutes
    : elapsedBusinessMinutes(calendar, startedAt, dueFor(calendar, startedAt, target));
}

/** The instant when `warningPercent` of the target's business minutes have elapsed outside the pauses. */
export function warnAtFor(
  calendar: Calendar,
  startedAt: Date,
  target: SlaDuration,
  warningPercent: number,
  pauses: readonly Pause[] = [],
): Date {
  return addBusinessMinutes(
    calendar,
    startedAt,
    (targetBusinessMinutes(calendar, startedAt, target) * warningPercent) / 100,
    pauses,
  );
}

/** Breach at 100 %: a clock still running at its due instant has breached; one stopped at it was met. */
export function clockStatusAt(times: { dueAt: Date; warnAt: Date }, now: Date): ClockState {
  if (now >= times.dueAt) return "breached";
  return now >= times.warnAt ? "warning" : "running";
}

export function metOnTime(dueAt: Date, stoppedAt: Date): boolean {
  return stoppedAt <= dueAt;
}

export function computeClock(input: ClockInput): ClockReading {
  const { calendar, startedAt, target, now } = input;
  const pauses = closePauses(input.pauses ?? [], now);
  const dueAt = dueFor(calendar, startedAt, target, pauses);
  const total = targetBusinessMinutes(calendar, startedAt, target);
  const warnAt = addBusinessMinutes(calendar, startedAt, (total * input.warningPercent) / 100, pauses);
  const elapsedMinutes = elapsedBusinessMinutes(calendar, startedAt, now, pauses);
  return {
    dueAt,
    warnAt,
    elapsedMinutes,
    remainingMinutes: total - elapsedMinutes,
    state: clockStatusAt({ dueAt, warnAt }, now),
  };
}

/** Periodic updates restart from each public update, so the next one is due one target after the last. */
export function nextPeriodicUpdateDue(
  calendar: Calendar,
  lastUpdateAt: Date,
  target: SlaDuration,
  pauses: readonly Pause[] = [],
): Date {
  return dueFor(calendar, lastUpdateAt, target, pauses);
}

export type PlannedClockStatus = "not_started" | "running" | "paused" | "met" | "breached" | "stopped";

export type PlannedClock = {
  kind: ClockKind;
  status: PlannedClockStatus;
  startedAt: Date | null;
  dueAt: Date | null;
  warnAt: Date | null;
};

export type ClockPlanInput = {
  policy: Pick<SlaPolicy, "targets" | "warningPercent" | "resolutionStartsAt">;
  calendar: Calendar;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  lastPublicUpdateAt: Date | null;
  /** When the follow-up (failure) report went out; it meets the follow-up clock. */
  followUpSentAt?: Date | null;
  pauses: readonly RecordedPause[];
  status: TicketStatus;
  now: Date;
};

type Timed = { kind: ClockKind; startedAt: Date; target: SlaDuration };

function idle(kind: ClockKind, status: "not_started" | "stopped", startedAt: Date | null = null): PlannedClock {
  return { kind, status, startedAt, dueAt: null, warnAt: null };
}

// Pauses after the stop cannot matter to a stopped clock; clipping them keeps its due instant stable across replans.
function stopped(clock: Timed, input: ClockPlanInput, stoppedAt: Date): PlannedClock {
  const pauses = closePauses(
    input.pauses.filter((pause) => pause.from < stoppedAt),
    stoppedAt,
  ).map((pause) => ({ from: pause.from, to: pause.to < stoppedAt ? pause.to : stoppedAt }));
  const dueAt = dueFor(input.calendar, clock.startedAt, clock.target, pauses);
  const warnAt = warnAtFor(input.calendar, clock.startedAt, clock.target, input.policy.warningPercent, pauses);
  const status = metOnTime(dueAt, stoppedAt) ? "met" : "breached";
  return { kind: clock.kind, status, startedAt: clock.startedAt, dueAt, warnAt };
}

// A paused clock has no due instant: it depends on when the pause ends, so the service replans on resume. A clock
// that breached before the pause began stays breached; the open pause counted to now cannot move a past due instant.
function active(clock: Timed, input: ClockPlanInput): PlannedClock {
  const reading = computeClock({ ...input, ...clock, warningPercent: input.policy.warningPercent });
  const base = { kind: clock.kind, startedAt: clock.startedAt };
  if (reading.state === "breached") {
    return { ...base, status: "breached", dueAt: reading.dueAt, warnAt: reading.warnAt };
  }
  if (PAUSING_STATUSES.includes(input.status)) return { ...base, status: "paused", dueAt: null, warnAt: null };
  return { ...base, status: "running", dueAt: reading.dueAt, warnAt: reading.warnAt };
}

function planOne(kind: ClockKind, target: SlaDuration, input: ClockPlanInput): PlannedClock {
  const resolved = RESOLVED_STATUSES.includes(input.status);
  switch (kind) {
    case "first_response": {
      const clock = { kind, startedAt: input.createdAt, target };
      if (input.firstResponseAt) return stopped(clock, input, input.firstResponseAt);
      return resolved ? idle(kind, "stopped", input.createdAt) : active(clock, input);
    }
    case "resolution": {
      const startedAt = input.policy.resolutionStartsAt === "first_response" ? input.firstResponseAt : input.createdAt;
      if (!startedAt) return idle(kind, "not_started");
      if (!resolved) return active({ kind, startedAt, target }, input);
      return input.resolvedAt
        ? stopped({ kind, startedAt, target }, input, input.resolvedAt)
        : idle(kind, "stopped", startedAt);
    }
    case "periodic_update": {
      const startedAt = input.lastPublicUpdateAt ?? input.createdAt;
      return resolved ? idle(kind, "stopped", startedAt) : active({ kind, startedAt, target }, input);
    }
    case "follow_up": {
      if (!resolved || !input.resolvedAt) return idle(kind, "not_started");
      const clock = { kind, startedAt: input.resolvedAt, target };
      const sent = input.followUpSentAt;
      return sent && sent >= input.resolvedAt ? stopped(clock, input, sent) : active(clock, input);
    }
  }
}

/**
 * Every clock the policy has a target for, as it stands at `now`. Pure and total: the service calls it after each
 * relevant change (reply, status change, reclassification, pause) and upserts the result, so accrued pauses are
 * never lost: they come in as data. The resolved interval of a reopened ticket arrives as a closed pause.
 */
export function planClocks(input: ClockPlanInput): PlannedClock[] {
  return CLOCK_KINDS.flatMap((kind) => {
    const target = input.policy.targets[CLOCK_TARGET_KEYS[kind]];
    return target ? [planOne(kind, target, input)] : [];
  });
}
