import type { Calendar } from "./calendar";
import { compileCalendar, dayRanges, isPlainWeek, type CompiledCalendar, type Range } from "./compiled-calendar";
import { DAY_MS, localDayOf } from "./zone-clock";

/**
 * Business-time arithmetic on instants in milliseconds, without pauses. `addMs` returns the earliest instant at
 * which the business time elapsed since the start reaches the amount; every other rule derives from that one.
 */
export type ClockEngine = {
  ranges(fromMs: number, toMs: number): Range[];
  elapsedMs(fromMs: number, toMs: number): number;
  addMs(startMs: number, amountMs: number): number;
  addDays(startMs: number, days: number): number;
};

const ALWAYS_OPEN: ClockEngine = {
  ranges: (fromMs, toMs) => (toMs > fromMs ? [[fromMs, toMs]] : []),
  elapsedMs: (fromMs, toMs) => Math.max(0, toMs - fromMs),
  addMs: (startMs, amountMs) => startMs + Math.max(0, amountMs),
  addDays: (startMs, days) => startMs + days * DAY_MS,
};

function overlap([start, end]: Range, fromMs: number, toMs: number): number {
  return Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
}

function ranges(c: CompiledCalendar, fromMs: number, toMs: number): Range[] {
  const result: Range[] = [];
  if (toMs <= fromMs) return result;
  const lastDay = localDayOf(c.clock, toMs);
  for (let day = localDayOf(c.clock, fromMs); day <= lastDay; day++) {
    for (const range of dayRanges(c, day)) {
      const start = Math.max(range[0], fromMs);
      const end = Math.min(range[1], toMs);
      if (end > start) result.push([start, end]);
    }
  }
  return result;
}

function elapsedMs(c: CompiledCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const firstDay = localDayOf(c.clock, fromMs);
  const lastDay = localDayOf(c.clock, toMs);
  let total = 0;
  let day = firstDay;
  while (day <= lastDay) {
    // A whole week strictly between the end days lies inside [from, to], so it adds its weekly minutes.
    if (day > firstDay && day + 7 <= lastDay && isPlainWeek(c, day)) {
      total += c.weekMs;
      day += 7;
      continue;
    }
    for (const range of dayRanges(c, day)) total += overlap(range, fromMs, toMs);
    day++;
  }
  return total;
}

function addMs(c: CompiledCalendar, startMs: number, amountMs: number): number {
  if (!(amountMs > 0)) return startMs;
  const firstDay = localDayOf(c.clock, startMs);
  let remaining = amountMs;
  for (let day = firstDay; ; day++) {
    // Skipping needs strictly more than a week left: the due instant is then after the week's last closing.
    while (day > firstDay && remaining > c.weekMs && isPlainWeek(c, day)) {
      remaining -= c.weekMs;
      day += 7;
    }
    for (const [rangeStart, end] of dayRanges(c, day)) {
      const start = Math.max(rangeStart, startMs);
      if (end <= start) continue;
      if (remaining <= end - start) return start + remaining;
      remaining -= end - start;
    }
  }
}

function firstBusinessDay(c: CompiledCalendar, startMs: number): number {
  for (let day = localDayOf(c.clock, startMs); ; day++) {
    if (dayRanges(c, day).some(([, end]) => end > startMs)) return day;
  }
}

function addDays(c: CompiledCalendar, startMs: number, days: number): number {
  let day = firstBusinessDay(c, startMs);
  let remaining = days;
  while (remaining > 0) {
    if (remaining > c.businessDaysPerWeek && isPlainWeek(c, day + 1)) {
      remaining -= c.businessDaysPerWeek;
      day += 7;
      continue;
    }
    day++;
    if (dayRanges(c, day).length > 0) remaining--;
  }
  const ranges = dayRanges(c, day);
  const last = ranges[ranges.length - 1];
  if (!last) throw new Error("business day without ranges");
  return last[1];
}

function weeklyEngine(c: CompiledCalendar): ClockEngine {
  return {
    ranges: (fromMs, toMs) => ranges(c, fromMs, toMs),
    elapsedMs: (fromMs, toMs) => elapsedMs(c, fromMs, toMs),
    addMs: (startMs, amountMs) => addMs(c, startMs, amountMs),
    addDays: (startMs, days) => addDays(c, startMs, days),
  };
}

export function clockEngine(calendar: Calendar): ClockEngine {
  return calendar === "24x7" ? ALWAYS_OPEN : weeklyEngine(compileCalendar(calendar));
}
