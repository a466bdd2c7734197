import { DateTime } from "luxon";
import type { BuParameters } from "../parameters/bu-parameters";
import { WEEKDAYS } from "../parameters/field-schemas";

type SendWindow = BuParameters["contractSendWindow"];

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

function atLocalTime(day: DateTime, hhmm: string): DateTime {
  const [hour = 0, minute = 0] = hhmm.split(":").map(Number);
  // "24:00" closes the window at the next midnight.
  return hour === 24 ? day.startOf("day").plus({ days: 1 }) : day.set({ hour, minute, second: 0, millisecond: 0 });
}

/**
 * `at` itself when it falls inside [from, to) on an allowed weekday of the BU's time zone, else the next opening.
 * Times are wall-clock times of the zone, so a window keeps its local hours across daylight-saving changes.
 */
export function nextInstantInWindow(at: Date, window: SendWindow, timeZone: string): Date {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) throw new Error(`cannot read ${at.toISOString()} in time zone ${timeZone}`);
  for (let offset = 0; offset <= 7; offset++) {
    const day = local.startOf("day").plus({ days: offset });
    if (!window.days.includes(WEEKDAYS[day.weekday - 1] ?? "mon")) continue;
    const opens = atLocalTime(day, window.from);
    const closes = atLocalTime(day, window.to);
    if (local < opens) return opens.toJSDate();
    if (local < closes) return at;
  }
  // Unreachable with at least one allowed day: the same weekday comes back within seven days.
  throw new Error("contract send window has no allowed day");
}

/** An unsent contract goes out automatically after the BU delay, inside the send window (DOMAIN 3.4). */
export function contractAutoSendAt(createdAt: Date, params: BuParameters, timeZone: string): Date {
  const due = new Date(createdAt.getTime() + params.contractAutoSendDelayMinutes * MINUTE_MS);
  return nextInstantInWindow(due, params.contractSendWindow, timeZone);
}

/** The interval is elapsed time (24 h after 10:00 on the eve of a DST change is 11:00 or 09:00 local). */
export function nextContractReminderAt(lastSentAt: Date, params: BuParameters, timeZone: string): Date {
  const due = new Date(lastSentAt.getTime() + params.contractReminderIntervalHours * HOUR_MS);
  return nextInstantInWindow(due, params.contractSendWindow, timeZone);
}

/** Tasks are opened at any hour: the task queue has its own business calendar and SLA. */
export function contractNotSignedTaskAt(firstSentAt: Date, params: BuParameters): Date {
  return new Date(firstSentAt.getTime() + params.contractNotSignedTaskAfterHours * HOUR_MS);
}
