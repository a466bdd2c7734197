import type { Calendar, SlaDuration } from "./calendar";
import { WEEKDAYS } from "../parameters/field-schemas";

/** Targets whose due lies further than this are refused: nobody plans an SLA a decade out, and walking there is costly. */
export const SLA_HORIZON_YEARS = 10;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Open minutes of a typical week (no holidays, no DST change). */
export function weeklyBusinessMinutes(calendar: Calendar): number {
  if (calendar === "24x7") return 7 * 24 * 60;
  return WEEKDAYS.reduce(
    (sum, day) => sum + calendar.hours[day].reduce((s, [from, to]) => s + toMinutes(to) - toMinutes(from), 0),
    0,
  );
}

function openDaysPerWeek(calendar: Calendar): number {
  return calendar === "24x7" ? 7 : WEEKDAYS.filter((day) => calendar.hours[day].length > 0).length;
}

/** Whether a target fits in the horizon on this calendar (holidays ignored: it is a bound, not a promise). */
export function withinHorizon(calendar: Calendar, target: SlaDuration): boolean {
  const weeks = SLA_HORIZON_YEARS * 52;
  if ("minutes" in target) return target.minutes <= weeklyBusinessMinutes(calendar) * weeks;
  return target.businessDays <= openDaysPerWeek(calendar) * weeks;
}
