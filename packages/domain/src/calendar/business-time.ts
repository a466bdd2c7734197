import type { Calendar, Pause, SlaDuration, SlaTarget } from "./calendar";
import { clockEngine, type ClockEngine } from "./clock-engine";
import type { Range } from "./compiled-calendar";
import { MINUTE_MS } from "./zone-clock";

export type BusinessInterval = { start: Date; end: Date };

export type SlaPreviewInput = {
  calendar: Calendar;
  start: Date;
  targets: readonly SlaTarget[];
  pauses?: readonly Pause[];
};

function instantOf(date: Date, label: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${label} is not a valid date`);
  return ms;
}

function wholeDays(days: number): number {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("business days must be a whole number >= 0");
  return days;
}

function minutesToMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError("minutes must be a finite number >= 0");
  return minutes * MINUTE_MS;
}

/** Sorted, disjoint ranges; overlapping or touching ones are merged and empty ones dropped. */
function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function pauseRanges(pauses: readonly Pause[]): Range[] {
  return mergeRanges(pauses.map((p) => [instantOf(p.from, "pause start"), instantOf(p.to, "pause end")]));
}

function pausedMs(engine: ClockEngine, fromMs: number, toMs: number, pauses: readonly Range[]): number {
  let total = 0;
  for (const [start, end] of pauses) {
    if (end <= fromMs) continue;
    if (start >= toMs) break;
    total += engine.elapsedMs(Math.max(start, fromMs), Math.min(end, toMs));
  }
  return total;
}

/** The earliest instant at which un-paused business time since the start reaches the amount. */
function addWithPauses(engine: ClockEngine, startMs: number, amountMs: number, pauses: readonly Range[]): number {
  if (!(amountMs > 0)) return startMs;
  let cursor = startMs;
  let remaining = amountMs;
  for (const [start, end] of pauses) {
    if (end <= cursor) continue;
    if (start > cursor) {
      const open = engine.elapsedMs(cursor, start);
      if (open >= remaining) return engine.addMs(cursor, remaining);
      remaining -= open;
    }
    cursor = end;
  }
  return engine.addMs(cursor, remaining);
}

/** Open intervals of the calendar within [from, to), clipped to it, in order; touching intervals are joined. */
export function businessIntervals(calendar: Calendar, from: Date, to: Date): BusinessInterval[] {
  const ranges = clockEngine(calendar).ranges(instantOf(from, "from"), instantOf(to, "to"));
  return mergeRanges(ranges).map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}

/** Business minutes in [from, to] outside the pauses (0 when `to` is not after `from`); may be fractional. */
export function elapsedBusinessMinutes(
  calendar: Calendar,
  from: Date,
  to: Date,
  pauses: readonly Pause[] = [],
): number {
  const engine = clockEngine(calendar);
  const fromMs = instantOf(from, "from");
  const toMs = instantOf(to, "to");
  const total = engine.elapsedMs(fromMs, toMs) - pausedMs(engine, fromMs, toMs, pauseRanges(pauses));
  return total / MINUTE_MS;
}

/**
 * The earliest instant at which business time since `start`, outside the pauses, reaches `minutes`. So zero minutes
 * is `start` itself, and a target reached exactly at a closing instant is that closing instant, not the next opening.
 * Results are rounded to the millisecond.
 */
export function addBusinessMinutes(
  calendar: Calendar,
  start: Date,
  minutes: number,
  pauses: readonly Pause[] = [],
): Date {
  const engine = clockEngine(calendar);
  const due = addWithPauses(engine, instantOf(start, "start"), minutesToMs(minutes), pauseRanges(pauses));
  return new Date(Math.round(due));
}

/**
 * The closing instant of the last interval of the `days`-th business day after day 0, the business day holding the
 * first business instant at or after `start` (24x7: start + days x 24 h). Pauses push it further by the paused
 * business time between `start` and that closing, counted on from it while skipping later pauses too.
 */
export function addBusinessDays(calendar: Calendar, start: Date, days: number, pauses: readonly Pause[] = []): Date {
  const engine = clockEngine(calendar);
  const startMs = instantOf(start, "start");
  const due = engine.addDays(startMs, wholeDays(days));
  const ranges = pauseRanges(pauses);
  return new Date(addWithPauses(engine, due, pausedMs(engine, startMs, due, ranges), ranges));
}

export function dueFor(calendar: Calendar, start: Date, target: SlaDuration, pauses: readonly Pause[] = []): Date {
  return "minutes" in target
    ? addBusinessMinutes(calendar, start, target.minutes, pauses)
    : addBusinessDays(calendar, start, target.businessDays, pauses);
}

/** Due instant of each target by name (a repeated name keeps the last target). */
export function previewSla(input: SlaPreviewInput): Record<string, Date> {
  const preview: Record<string, Date> = {};
  for (const target of input.targets) preview[target.name] = dueFor(input.calendar, input.start, target, input.pauses);
  return preview;
}

/** "2027-09-27T19:00:00Z": whole seconds in UTC, milliseconds dropped. */
export function formatUtc(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
