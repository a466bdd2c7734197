import { z } from "zod";

/** Whole number within bounds; every message names the field so the admin form can show it as is. */
export function boundedInt(label: string, min: number, max: number, unit: string) {
  const range = `${label} must be between ${min} and ${max} ${unit}`;
  return z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number of ${unit}` })
    .min(min, { error: range })
    .max(max, { error: range });
}

export function flag(label: string) {
  return z.boolean({ error: `${label} must be true or false` });
}

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export type Weekday = (typeof WEEKDAYS)[number];

// "24:00" is accepted as an end so a window can run to midnight.
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export function timeWindow(label: string) {
  return (
    z
      .object({
        days: z
          .array(z.enum(WEEKDAYS, { error: `${label} days must be mon, tue, wed, thu, fri, sat or sun` }))
          .min(1, { error: `${label} needs at least one day` })
          .max(7, { error: `${label} lists at most seven days` })
          .refine((days) => new Set(days).size === days.length, {
            error: `${label} lists a day twice`,
          }),
        from: z.string().regex(HH_MM, { error: `${label} start must be a time such as 07:00` }),
        to: z.string().regex(HH_MM_END, { error: `${label} end must be a time such as 23:00` }),
      })
      .strict()
      // Zero-padded HH:MM strings order the same way as the times they denote.
      .refine((window) => window.from < window.to, {
        error: `${label} must start before it ends`,
        path: ["to"],
      })
  );
}

export function ascendingHours(label: string, maxItems: number, maxHours: number) {
  return z
    .array(boundedInt(label, 1, maxHours, "hours"))
    .min(1, { error: `${label} needs at least one value` })
    .max(maxItems, { error: `${label} takes at most ${maxItems} values` })
    .refine((values) => values.every((value, i) => i === 0 || value > (values[i - 1] ?? 0)), {
      error: `${label} must be in ascending order without repeats`,
    });
}
