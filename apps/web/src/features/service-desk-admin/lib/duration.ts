import type { SlaDuration } from "@atende/domain";

export const DURATION_UNITS = ["minutes", "hours", "businessDays"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** What a duration field holds: the number as typed (possibly partial) and its unit. */
export type DurationInput = { value: number | string; unit: DurationUnit };

/** Why a typed duration cannot be saved; the screens word each one. */
export type DurationProblem = "notANumber" | "notPositive" | "notWhole" | "tooLarge";

export type DurationParse = { ok: true; duration: SlaDuration | null } | { ok: false; problem: DurationProblem };

// The API's limits: one year of minutes, 365 business days.
export const MAX_MINUTES = 525_600;
export const MAX_BUSINESS_DAYS = 365;

export const emptyDuration = (unit: DurationUnit = "minutes"): DurationInput => ({ value: "", unit });

/** A stored duration as the admin reads it: whole hours as hours, other minute counts as minutes. */
export function toDurationInput(
  duration: SlaDuration | null | undefined,
  emptyUnit: DurationUnit = "minutes",
): DurationInput {
  if (!duration) return emptyDuration(emptyUnit);
  if ("businessDays" in duration) return { value: duration.businessDays, unit: "businessDays" };
  const { minutes } = duration;
  return minutes >= 60 && minutes % 60 === 0
    ? { value: minutes / 60, unit: "hours" }
    : { value: minutes, unit: "minutes" };
}

function numberOf(value: number | string): number | null | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  // A decimal comma is what Spanish users type.
  const text = value.trim().replace(",", ".");
  if (text === "") return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** An empty field is "no target" (null); anything else must be a positive amount the API can store exactly. */
export function parseDurationInput(input: DurationInput): DurationParse {
  const amount = numberOf(input.value);
  if (amount === null) return { ok: true, duration: null };
  if (amount === undefined) return { ok: false, problem: "notANumber" };
  if (amount <= 0) return { ok: false, problem: "notPositive" };
  if (input.unit === "businessDays") {
    if (!Number.isInteger(amount)) return { ok: false, problem: "notWhole" };
    return amount > MAX_BUSINESS_DAYS
      ? { ok: false, problem: "tooLarge" }
      : { ok: true, duration: { businessDays: amount } };
  }
  const exact = input.unit === "hours" ? amount * 60 : amount;
  const minutes = Math.round(exact);
  // 1.5 h is 90 minutes, but 1.01 h is not a whole number of minutes.
  if (Math.abs(exact - minutes) > 1e-9) return { ok: false, problem: "notWhole" };
  return minutes > MAX_MINUTES ? { ok: false, problem: "tooLarge" } : { ok: true, duration: { minutes } };
}

export function sameDuration(a: SlaDuration | null | undefined, b: SlaDuration | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if ("minutes" in a) return "minutes" in b && a.minutes === b.minutes;
  return "businessDays" in b && a.businessDays === b.businessDays;
}

/** A key that is equal for two inputs meaning the same thing, and distinct for unsaveable text. */
export function durationSignature(input: DurationInput): string {
  const parsed = parseDurationInput(input);
  if (!parsed.ok) return `invalid:${String(input.value).trim()}:${input.unit}`;
  if (!parsed.duration) return "none";
  return "minutes" in parsed.duration ? `m:${parsed.duration.minutes}` : `d:${parsed.duration.businessDays}`;
}
