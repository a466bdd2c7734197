import { z } from "zod";
import { WEEKDAYS } from "../parameters/field-schemas";
import { zTimeZone } from "./time-zone";

// Zero-padded HH:MM strings order the same way as the times they denote, so intervals compare as strings.
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
// "24:00" is only meaningful as an end: a window running to midnight.
const HH_MM_END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export const MAX_INTERVALS_PER_DAY = 10;
export const MAX_HOLIDAYS = 400;

export const zOpeningInterval = z
  .tuple([
    z.string().regex(HH_MM, { error: "interval start must be a time such as 09:00" }),
    z.string().regex(HH_MM_END, { error: "interval end must be a time such as 18:00 (24:00 for midnight)" }),
  ])
  .refine(([start, end]) => end > start, { error: "interval end must be after its start" });

function firstOverlap(intervals: ReadonlyArray<readonly [string, string]>): number | undefined {
  const order = intervals
    .map((_, i) => i)
    .sort((a, b) => (intervals[a]?.[0] ?? "").localeCompare(intervals[b]?.[0] ?? ""));
  for (let k = 1; k < order.length; k++) {
    const previous = intervals[order[k - 1] ?? 0];
    const current = intervals[order[k] ?? 0];
    if (previous && current && current[0] < previous[1]) return order[k];
  }
  return undefined;
}

const zDayIntervals = z
  .array(zOpeningInterval)
  .max(MAX_INTERVALS_PER_DAY, { error: `a day takes at most ${MAX_INTERVALS_PER_DAY} intervals` })
  .default([])
  .superRefine((intervals, ctx) => {
    const index = firstOverlap(intervals);
    if (index !== undefined)
      ctx.addIssue({ code: "custom", message: "intervals of a day must not overlap", path: [index] });
  });

export const zWeeklyHours = z.strictObject({
  mon: zDayIntervals,
  tue: zDayIntervals,
  wed: zDayIntervals,
  thu: zDayIntervals,
  fri: zDayIntervals,
  sat: zDayIntervals,
  sun: zDayIntervals,
});

export const zHoliday = z.iso.date({ error: "holiday must be a date such as 2026-12-25" });

export const zWeeklyCalendar = z
  .strictObject({
    timezone: zTimeZone,
    hours: zWeeklyHours,
    holidays: z
      .array(zHoliday)
      .max(MAX_HOLIDAYS, { error: `a calendar takes at most ${MAX_HOLIDAYS} holidays` })
      .default([]),
  })
  .refine((calendar) => WEEKDAYS.some((day) => calendar.hours[day].length > 0), {
    error: "calendar needs at least one opening interval in the week",
    path: ["hours"],
  });

export const ZCalendar = z.union([z.literal("24x7"), zWeeklyCalendar]);

export type Calendar = z.output<typeof ZCalendar>;

export type WeeklyCalendar = z.output<typeof zWeeklyCalendar>;

const zTargetName = z.string().min(1).max(60);

export const ZSlaTarget = z.union([
  z.strictObject({ name: zTargetName, minutes: z.number().int().min(0).max(10_000_000) }),
  z.strictObject({ name: zTargetName, businessDays: z.number().int().min(0).max(3650) }),
]);

export type SlaTarget = z.output<typeof ZSlaTarget>;

export type SlaDuration = { minutes: number } | { businessDays: number };

const zInstant = z.iso.datetime({
  offset: true,
  error: "must be an ISO date-time with offset, such as 2026-03-02T09:00:00Z",
});

export const ZPause = z
  .strictObject({ from: zInstant, to: zInstant })
  .refine((pause) => Date.parse(pause.to) >= Date.parse(pause.from), {
    error: "pause must not end before it starts",
    path: ["to"],
  });

export type PauseInput = z.output<typeof ZPause>;

export type Pause = { from: Date; to: Date };

export function toPause(input: PauseInput): Pause {
  return { from: new Date(input.from), to: new Date(input.to) };
}
