import type { WeeklyCalendar } from "./calendar";
import { WEEKDAYS } from "../parameters/field-schemas";
import {
  DAY_MS,
  MINUTE_MS,
  dayOfIsoDate,
  localInstant,
  steadyDayOffset,
  steadyWeekOffset,
  weekdayOf,
  zoneClock,
  type ZoneClock,
} from "./zone-clock";

/** Minutes from local midnight: [start, end), end up to 1440. */
type Span = readonly [number, number];

/** Instants (ms since epoch): [start, end). */
export type Range = readonly [number, number];

export type CompiledCalendar = {
  clock: ZoneClock;
  /** Monday first; sorted, with overlapping or touching spans merged. */
  week: ReadonlyArray<ReadonlyArray<Span>>;
  weekMs: number;
  businessDaysPerWeek: number;
  holidays: ReadonlySet<number>;
};

const NO_RANGES: readonly Range[] = [];

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function compileDay(intervals: ReadonlyArray<readonly [string, string]>): Span[] {
  const spans = intervals
    .map(([start, end]): Span => [minutesOf(start), minutesOf(end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

// Calendars are immutable values once parsed; compiling once per object keeps repeated due-date maths cheap.
const compiled = new WeakMap<WeeklyCalendar, CompiledCalendar>();

export function compileCalendar(calendar: WeeklyCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const week = WEEKDAYS.map((day) => compileDay(calendar.hours[day]));
  const weekMinutes = week.flat().reduce((sum, [start, end]) => sum + end - start, 0);
  if (weekMinutes === 0) throw new Error("calendar has no business hours");
  const result: CompiledCalendar = {
    clock: zoneClock(calendar.timezone),
    week,
    weekMs: weekMinutes * MINUTE_MS,
    businessDaysPerWeek: week.filter((spans) => spans.length > 0).length,
    holidays: new Set(calendar.holidays.map(dayOfIsoDate)),
  };
  compiled.set(calendar, result);
  return result;
}

function toRange(c: CompiledCalendar, day: number, offset: number | null, [start, end]: Span): [number, number] {
  if (offset !== null) return [day * DAY_MS + (start - offset) * MINUTE_MS, day * DAY_MS + (end - offset) * MINUTE_MS];
  return [localInstant(c.clock, day, start), localInstant(c.clock, day, end)];
}

/**
 * The open ranges of one local day, in order. On a DST day each span is the real time between its local ends; a
 * span swallowed by a spring-forward gap is empty, and a start pushed forward by the gap past the previous span's end
 * is clipped so no instant counts twice.
 */
export function dayRanges(c: CompiledCalendar, day: number): readonly Range[] {
  const spans = c.week[weekdayOf(day)] ?? [];
  if (spans.length === 0 || c.holidays.has(day)) return NO_RANGES;
  const offset = steadyDayOffset(c.clock, day);
  const ranges: Range[] = [];
  let previousEnd = -Infinity;
  for (const span of spans) {
    const [rawStart, end] = toRange(c, day, offset, span);
    const start = Math.max(rawStart, previousEnd);
    if (end > start) {
      ranges.push([start, end]);
      previousEnd = end;
    }
  }
  return ranges;
}

/** True when the seven local days from `day` are ordinary: no holiday and no offset change. */
export function isPlainWeek(c: CompiledCalendar, day: number): boolean {
  for (let d = day; d < day + 7; d++) if (c.holidays.has(d)) return false;
  return steadyWeekOffset(c.clock, day) !== null;
}
