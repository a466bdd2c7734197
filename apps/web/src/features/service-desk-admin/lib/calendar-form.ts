import type { TBusinessCalendar } from "@atende/contracts";
import { WEEKDAYS, weeklyBusinessMinutes, type Calendar, type Weekday } from "@atende/domain";

export type IntervalValue = { start: string; end: string };
export type WeekValue = Record<Weekday, IntervalValue[]>;

export type CalendarFormValues = {
  code: string;
  name: string;
  buId: string | null;
  /** 24x7: every minute counts, no hours or holidays. */
  always: boolean;
  timezone: string;
  hours: WeekValue;
  holidays: string[];
};

const OFFICE: IntervalValue[] = [{ start: "09:00", end: "18:00" }];

/** Mon-Fri 09:00-18:00: a starting point when a calendar is created or switched off 24x7. */
export function officeWeek(): WeekValue {
  return { mon: [...OFFICE], tue: [...OFFICE], wed: [...OFFICE], thu: [...OFFICE], fri: [...OFFICE], sat: [], sun: [] };
}

export function toCalendarForm(calendar: TBusinessCalendar | null, defaultZone: string): CalendarFormValues {
  const definition = calendar?.definition;
  const base = { code: calendar?.code ?? "", name: calendar?.name ?? "", buId: calendar?.buId ?? null };
  if (!definition || definition === "24x7") {
    return { ...base, always: definition === "24x7", timezone: defaultZone, hours: officeWeek(), holidays: [] };
  }
  const hours = Object.fromEntries(
    WEEKDAYS.map((day) => [day, definition.hours[day].map(([start, end]) => ({ start, end }))]),
  ) as WeekValue;
  return { ...base, always: false, timezone: definition.timezone, hours, holidays: [...definition.holidays] };
}

/** The calendar definition the form stands for, not yet validated (the domain schema does that). */
export function definitionFromForm(values: CalendarFormValues): unknown {
  if (values.always) return "24x7";
  const hours = Object.fromEntries(
    WEEKDAYS.map((day) => [day, values.hours[day].map((interval) => [interval.start.trim(), interval.end.trim()])]),
  );
  return { timezone: values.timezone, hours, holidays: mergeHolidays(values.holidays, []) };
}

/** Holidays as a set in date order: a prefill adds only the dates not listed yet. */
export function mergeHolidays(existing: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...existing, ...added].map((date) => date.trim()).filter(Boolean))].sort();
}

/** Copies one day's intervals to other days (the "same as Monday" shortcut). */
export function copyDay(week: WeekValue, from: Weekday, to: readonly Weekday[]): WeekValue {
  const next = { ...week };
  for (const day of to) next[day] = week[from].map((interval) => ({ ...interval }));
  return next;
}

/** Open hours per week of a stored definition, for the list; null for 24x7. */
export function weeklyHours(calendar: Calendar): number | null {
  if (calendar === "24x7") return null;
  return Math.round((weeklyBusinessMinutes(calendar) / 60) * 10) / 10;
}
