import { DateTime } from "luxon";
import type { BuParameters } from "../parameters/bu-parameters";

const SATURDAY = 6;

function parseDay(value: string, what: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone: "utc" }) : null;
  if (!day?.isValid) throw new Error(`${what} must be a calendar date YYYY-MM-DD, got "${value}"`);
  return day;
}

const format = (day: DateTime) => day.toISODate() ?? "";
const isWeekend = (day: DateTime) => day.weekday >= SATURDAY;

/**
 * Earliest bookable installation date (DOMAIN 3.5, weekends excluded from the order buffer).
 * Base: the latest product delivery date, or the order date when the order has no product lines.
 * Buffer: ceil(orderBufferHours / 24) days, and only Monday-Friday days count: starting the day after the base, each
 * weekday counts one buffer day and the date reached by the last one is the answer (48 h after a Friday = Tuesday; after
 * a Saturday also Tuesday). With a zero buffer the base itself is the answer, weekend or not.
 */
export function earliestInstallationDate(
  deliveryDates: readonly string[],
  orderDate: string,
  params: BuParameters,
): string {
  const days = deliveryDates.map((date) => parseDay(date, "delivery date")).sort((a, b) => a.toMillis() - b.toMillis());
  let day = days.at(-1) ?? parseDay(orderDate, "order date");
  let remaining = Math.ceil(params.orderBufferHours / 24);
  while (remaining > 0) {
    day = day.plus({ days: 1 });
    if (!isWeekend(day)) remaining--;
  }
  return format(day);
}

/** The date proposed by default: the earliest date plus the installation buffer, a weekend moved to the Monday. */
export function defaultInstallationDate(
  deliveryDates: readonly string[],
  orderDate: string,
  params: BuParameters,
): string {
  let day = parseDay(earliestInstallationDate(deliveryDates, orderDate, params), "earliest date").plus({
    days: params.installationBufferDays,
  });
  while (isWeekend(day)) day = day.plus({ days: 1 });
  return format(day);
}

export type DateCheck =
  | { ok: true }
  | {
      ok: false;
      rule: "before_order_constraint" | "in_the_past" | "beyond_bookable_horizon";
      message: string;
      earliest?: string;
      latest?: string;
    };

/** Whether a job can be booked on `date`; `today` is the BU's local date. Today itself is bookable. */
export function checkBookingDate(
  date: string,
  constraint: { earliest: string },
  today: string,
  params: BuParameters,
): DateCheck {
  const day = parseDay(date, "date");
  const now = parseDay(today, "today");
  const earliest = parseDay(constraint.earliest, "earliest date");
  if (day < now) {
    return { ok: false, rule: "in_the_past", message: `${date} is in the past.`, earliest: format(now) };
  }
  if (day < earliest) {
    return {
      ok: false,
      rule: "before_order_constraint",
      message: `${date} is before ${format(earliest)}, the earliest date the order's products allow.`,
      earliest: format(earliest),
    };
  }
  const latest = now.plus({ days: params.bookableHorizonDays });
  if (day > latest) {
    return {
      ok: false,
      rule: "beyond_bookable_horizon",
      message: `${date} is beyond ${format(latest)}: jobs can be booked up to ${params.bookableHorizonDays} days ahead.`,
      latest: format(latest),
    };
  }
  return { ok: true };
}
