import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { WEEKDAYS } from "../parameters/field-schemas";
import { addBusinessDays, addBusinessMinutes, businessIntervals, elapsedBusinessMinutes } from "./business-time";
import { ZCalendar, type Pause, type WeeklyCalendar } from "./calendar";

const ZONES = ["UTC", "Europe/Madrid", "America/Mexico_City", "America/New_York", "Asia/Kolkata"] as const;
const TRANSITIONS = [
  ["Europe/Madrid", "2026-03-29"],
  ["Europe/Madrid", "2026-10-25"],
  ["America/New_York", "2026-03-08"],
  ["America/New_York", "2026-11-01"],
  ["America/Mexico_City", "2022-04-03"],
  ["America/Mexico_City", "2022-10-30"],
] as const;
const MINUTE = 60_000;
const RUNS = { numRuns: 200 };

type Scenario = { calendar: WeeklyCalendar; start: Date; weekMinutes: number };

const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (quarter: number) =>
  quarter === 96 ? "24:00" : `${pad(Math.floor(quarter / 4))}:${pad((quarter % 4) * 15)}`;

/** Up to three disjoint intervals on a 15-minute grid, "24:00" included. */
const dayArb = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const intervals: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push([hhmm(sorted[i] ?? 0), hhmm(sorted[i + 1] ?? 0)]);
  return intervals;
});

const hoursArb = fc
  .tuple(dayArb, dayArb, dayArb, dayArb, dayArb, dayArb, dayArb)
  .filter((days) => days.some((intervals) => intervals.length > 0))
  .map((days) => Object.fromEntries(WEEKDAYS.map((day, i) => [day, days[i] ?? []])));

const anyStartArb = fc.tuple(
  fc.constantFrom(...ZONES),
  fc.date({ min: new Date("2021-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }),
);
const nearTransitionArb = fc
  .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * 24 * 60, max: 2 * 24 * 60 }))
  .map(([[zone, date], minutes]) => [zone, new Date(Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE)] as const);

const scenarioArb = fc
  .record({
    where: fc.oneof(anyStartArb, nearTransitionArb),
    hours: hoursArb,
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 60 }), { maxLength: 20 }),
  })
  .map(({ where: [timezone, start], hours, holidayOffsets }): Scenario => {
    const local = DateTime.fromJSDate(start, { zone: timezone });
    const holidays = holidayOffsets.map((days) => local.plus({ days }).toISODate() ?? "");
    const calendar = ZCalendar.parse({ timezone, hours, holidays });
    if (calendar === "24x7") throw new Error("unexpected 24x7");
    const weekMinutes = Object.values(calendar.hours)
      .flat()
      .reduce((sum, [from, to]) => sum + minutesOf(to) - minutesOf(from), 0);
    return { calendar, start, weekMinutes };
  });

/** A target of up to `weeks` weeks of this calendar's business time, in whole minutes. */
const targetArb = (weeks: number) => fc.integer({ min: 0, max: weeks * 1000 });
const minutesFor = (s: Scenario, permille: number) => Math.floor((permille * s.weekMinutes) / 1000);

function minutesOf(hhmmText: string): number {
  return Number(hhmmText.slice(0, 2)) * 60 + Number(hhmmText.slice(3));
}

/** Reference: every local day through luxon, no caches and no week skipping. */
function naiveDayRanges(calendar: WeeklyCalendar, date: DateTime): Array<[number, number]> {
  const iso = date.toISODate() ?? "";
  const intervals = calendar.hours[WEEKDAYS[date.weekday - 1] ?? "mon"];
  if (calendar.holidays.includes(iso)) return [];
  const instant = (text: string) => {
    const base = text === "24:00" ? date.plus({ days: 1 }) : date;
    const minutes = text === "24:00" ? 0 : minutesOf(text);
    const wall = {
      year: base.year,
      month: base.month,
      day: base.day,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    };
    return DateTime.fromObject(wall, { zone: calendar.timezone }).toMillis();
  };
  const ranges: Array<[number, number]> = [];
  let previousEnd = -Infinity;
  for (const [from, to] of [...intervals].sort((a, b) => a[0].localeCompare(b[0]))) {
    const start = Math.max(instant(from), previousEnd);
    const end = instant(to);
    if (end > start) ranges.push([start, (previousEnd = end)]);
  }
  return ranges;
}

function localDate(calendar: WeeklyCalendar, ms: number): DateTime {
  const local = DateTime.fromMillis(ms, { zone: calendar.timezone });
  return DateTime.utc(local.year, local.month, local.day);
}

function naiveElapsed(calendar: WeeklyCalendar, from: number, to: number, pauses: readonly Pause[] = []): number {
  let total = 0;
  for (let date = localDate(calendar, from); date <= localDate(calendar, to); date = date.plus({ days: 1 })) {
    for (const [start, end] of naiveDayRanges(calendar, date)) {
      for (let t = Math.max(start, from); t < Math.min(end, to); t += MINUTE) {
        const step = Math.min(MINUTE, Math.min(end, to) - t);
        if (!pauses.some((p) => p.from.getTime() <= t && t < p.to.getTime())) total += step;
      }
    }
  }
  return total / MINUTE;
}

function naiveBusinessDays(calendar: WeeklyCalendar, start: number, days: number): number {
  let date = localDate(calendar, start);
  while (!naiveDayRanges(calendar, date).some(([, end]) => end > start)) date = date.plus({ days: 1 });
  for (let left = days; left > 0;) {
    date = date.plus({ days: 1 });
    if (naiveDayRanges(calendar, date).length > 0) left--;
  }
  return naiveDayRanges(calendar, date).at(-1)?.[1] ?? Number.NaN;
}

function naiveElapsedMinutes(s: Scenario, to: Date): number {
  let total = 0;
  for (
    let date = localDate(s.calendar, s.start.getTime());
    date <= localDate(s.calendar, to.getTime());
    date = date.plus({ days: 1 })
  ) {
    for (const [start, end] of naiveDayRanges(s.calendar, date))
      total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, s.start.getTime()));
  }
  return total / MINUTE;
}

describe("elapsed business time properties", () => {
  it("elapsed minutes match a day-by-day reference over up to 400 days", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 400 * 24 * 60 }), (s, span) => {
        const to = new Date(s.start.getTime() + span * MINUTE);
        const naive = naiveElapsedMinutes(s, to);
        expect(elapsedBusinessMinutes(s.calendar, s.start, to)).toBeCloseTo(naive, 6);
      }),
      { numRuns: 100 },
    );
  });
});

describe("minute target properties", () => {
  it("due(start, m) is the earliest instant with m business minutes elapsed", () => {
    fc.assert(
      fc.property(scenarioArb, targetArb(60), (s, permille) => {
        const minutes = minutesFor(s, permille);
        const due = addBusinessMinutes(s.calendar, s.start, minutes);
        expect(elapsedBusinessMinutes(s.calendar, s.start, due)).toBeCloseTo(minutes, 6);
        if (minutes > 0)
          expect(elapsedBusinessMinutes(s.calendar, s.start, new Date(due.getTime() - 1))).toBeLessThan(minutes);
        else expect(due).toEqual(s.start);
      }),
      RUNS,
    );
  });

  it("is monotonic in the target", () => {
    fc.assert(
      fc.property(scenarioArb, targetArb(30), targetArb(30), (s, a, b) => {
        const [low, high] = [minutesFor(s, Math.min(a, b)), minutesFor(s, Math.max(a, b))];
        expect(addBusinessMinutes(s.calendar, s.start, low).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes(s.calendar, s.start, high).getTime(),
        );
        const [dayLow, dayHigh] = [Math.min(a, b) % 40, Math.max(a, b) % 40].sort((x, y) => x - y) as [number, number];
        expect(addBusinessDays(s.calendar, s.start, dayLow).getTime()).toBeLessThanOrEqual(
          addBusinessDays(s.calendar, s.start, dayHigh).getTime(),
        );
      }),
      RUNS,
    );
  });

  it("is additive for minute targets, closing instants included", () => {
    fc.assert(
      fc.property(scenarioArb, targetArb(30), targetArb(30), (s, a, b) => {
        const [first, second] = [minutesFor(s, a), minutesFor(s, b)];
        const direct = addBusinessMinutes(s.calendar, s.start, first + second);
        const stepped = addBusinessMinutes(s.calendar, addBusinessMinutes(s.calendar, s.start, first), second);
        expect(stepped).toEqual(direct);
      }),
      RUNS,
    );
  });
});

describe("business-day target properties", () => {
  it("business days match a day-by-day reference and end at the close of business time", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 300 }), (s, days) => {
        const due = addBusinessDays(s.calendar, s.start, days);
        expect(due.getTime()).toBe(naiveBusinessDays(s.calendar, s.start.getTime(), days));
        expect(elapsedBusinessMinutes(s.calendar, new Date(due.getTime() - MINUTE), due)).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe("holiday and pause properties", () => {
  it("holidays never contain business time", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const to = new Date(s.start.getTime() + 60 * 24 * 60 * MINUTE);
        for (const { start, end } of businessIntervals(s.calendar, s.start, to)) {
          for (const ms of [start.getTime(), end.getTime() - 1]) {
            expect(s.calendar.holidays).not.toContain(
              DateTime.fromMillis(ms, { zone: s.calendar.timezone }).toISODate(),
            );
          }
        }
      }),
      RUNS,
    );
  });

  it("pauses: due is the earliest instant with the target elapsed outside them, day targets keep their business time", () => {
    const pausesArb = fc.array(fc.tuple(fc.integer({ min: -2000, max: 40_000 }), fc.integer({ min: 0, max: 5000 })), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(scenarioArb, targetArb(4), fc.integer({ min: 0, max: 15 }), pausesArb, (s, permille, days, raw) => {
        const pauses = raw.map(([offset, length]) => ({
          from: new Date(s.start.getTime() + offset * MINUTE),
          to: new Date(s.start.getTime() + (offset + length) * MINUTE),
        }));
        const minutes = minutesFor(s, permille);
        const due = addBusinessMinutes(s.calendar, s.start, minutes, pauses);
        expect(due.getTime()).toBeGreaterThanOrEqual(addBusinessMinutes(s.calendar, s.start, minutes).getTime());
        expect(elapsedBusinessMinutes(s.calendar, s.start, due, pauses)).toBeCloseTo(minutes, 6);
        if (minutes > 0)
          expect(elapsedBusinessMinutes(s.calendar, s.start, new Date(due.getTime() - 1), pauses)).toBeLessThan(
            minutes,
          );
        const plain = addBusinessDays(s.calendar, s.start, days);
        const extended = addBusinessDays(s.calendar, s.start, days, pauses);
        const expected = elapsedBusinessMinutes(s.calendar, s.start, plain);
        expect(elapsedBusinessMinutes(s.calendar, s.start, extended, pauses)).toBeCloseTo(expected, 6);
      }),
      RUNS,
    );
  });

  it("elapsed minutes with pauses match a minute-by-minute reference", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: 4 * 24 * 60 }),
        fc.array(fc.tuple(fc.integer({ min: -600, max: 6000 }), fc.integer({ min: 0, max: 2000 })), { maxLength: 4 }),
        (s, span, raw) => {
          const start = new Date(Math.floor(s.start.getTime() / MINUTE) * MINUTE);
          const to = new Date(start.getTime() + span * MINUTE);
          const pauses = raw.map(([offset, length]) => ({
            from: new Date(start.getTime() + offset * MINUTE),
            to: new Date(start.getTime() + (offset + length) * MINUTE),
          }));
          expect(elapsedBusinessMinutes(s.calendar, start, to, pauses)).toBeCloseTo(
            naiveElapsed(s.calendar, start.getTime(), to.getTime(), pauses),
            6,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
