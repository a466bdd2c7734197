import { DateTime, IANAZone } from "luxon";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

// A local day spans at most UTC-12 .. UTC+14 around its UTC namesake; 15 h either side covers every zone.
const MARGIN_MS = 15 * 3_600_000;
// Bounds memory when callers throw far-apart dates at us; the caches only save offset look-ups.
const MAX_CACHE_ENTRIES = 50_000;

/**
 * Offsets of one IANA zone, memoised by local week and by local day. Zone rules do not change while the process
 * runs, so memoising keeps the functions pure while avoiding Intl calls in the hot loops.
 */
export type ZoneClock = {
  zone: IANAZone;
  weeks: Map<number, number | null>;
  days: Map<number, number | null>;
};

const clocks = new Map<string, ZoneClock>();

export function zoneClock(name: string): ZoneClock {
  let clock = clocks.get(name);
  if (!clock) {
    clock = { zone: IANAZone.create(name), weeks: new Map(), days: new Map() };
    clocks.set(name, clock);
  }
  return clock;
}

/** Days since 1970-01-01 of the local date of an instant. */
export function localDayOf(clock: ZoneClock, instantMs: number): number {
  // A steady offset for the UTC day's window covers the instant itself, and is a cache hit instead of an Intl call.
  const offset = steadyDayOffset(clock, Math.floor(instantMs / DAY_MS)) ?? clock.zone.offset(instantMs);
  return Math.floor((instantMs + offset * MINUTE_MS) / DAY_MS);
}

/** Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function dayOfIsoDate(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MAX_CACHE_ENTRIES) map.clear();
  map.set(key, value);
  return value;
}

/**
 * The offset (minutes) shared by every instant of local days [firstDay, firstDay + days), or null when the zone may
 * change offset in that span. Sampling both ends and the middle assumes no zone changes offset and changes it back
 * within a few days, which holds for the tz database's modern rules.
 */
function sampledOffset(clock: ZoneClock, firstDay: number, days: number): number | null {
  const from = firstDay * DAY_MS - MARGIN_MS;
  const to = (firstDay + days) * DAY_MS + MARGIN_MS;
  const offset = clock.zone.offset(from);
  if (clock.zone.offset(to) !== offset || clock.zone.offset((from + to) / 2) !== offset) return null;
  return offset;
}

function weekOffset(clock: ZoneClock, week: number): number | null {
  const cached = clock.weeks.get(week);
  if (cached !== undefined) return cached;
  return remember(clock.weeks, week, sampledOffset(clock, week * 7, 7));
}

/** The offset of a whole local day, or null on a day when the offset changes (a DST transition). */
export function steadyDayOffset(clock: ZoneClock, day: number): number | null {
  const week = weekOffset(clock, Math.floor(day / 7));
  if (week !== null) return week;
  const cached = clock.days.get(day);
  if (cached !== undefined) return cached;
  return remember(clock.days, day, sampledOffset(clock, day, 1));
}

/** The offset shared by the seven local days from `day`, or null when one of them may see a transition. */
export function steadyWeekOffset(clock: ZoneClock, day: number): number | null {
  const first = weekOffset(clock, Math.floor(day / 7));
  if (first === null) return null;
  return weekOffset(clock, Math.floor((day + 6) / 7)) === first ? first : null;
}

/**
 * The instant of a local wall-clock time, resolved as luxon does: a time skipped by a spring-forward gap moves
 * forward by the gap, a repeated time takes luxon's choice of offset.
 */
export function localInstant(clock: ZoneClock, day: number, minuteOfDay: number): number {
  const date = new Date((day + Math.floor(minuteOfDay / 1440)) * DAY_MS);
  const minute = minuteOfDay % 1440;
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minute / 60),
      minute: minute % 60,
    },
    { zone: clock.zone },
  ).toMillis();
}
