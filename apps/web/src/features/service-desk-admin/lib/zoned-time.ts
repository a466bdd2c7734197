/** A wall-clock date and time as a datetime-local input holds it: "2027-09-27T09:00". */
export type WallTime = string;

const DAY_MS = 86_400_000;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallClockMs(instantMs: number, zone: string): number {
  const parts = Object.fromEntries(
    partsFormatter(zone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  const field = (name: string) => Number(parts[name] ?? 0);
  return Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second"));
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
export function zoneOffsetMs(instantMs: number, zone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(wholeSeconds, zone) - wholeSeconds;
}

/**
 * The instant a wall-clock time denotes in a zone, as ISO with Z. A time skipped by a DST change moves forward by
 * the gap; a repeated one takes its first occurrence. Null for text that is not a date and time.
 */
export function wallTimeToIso(wall: WallTime, zone: string): string | null {
  const match = WALL_TIME.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(asUtc)) return null;
  // Offset changes are far more than a day apart, so the offsets a day either side are the only candidates.
  const before = zoneOffsetMs(asUtc - DAY_MS, zone);
  const after = zoneOffsetMs(asUtc + DAY_MS, zone);
  const matching = [asUtc - before, asUtc - after].filter((candidate) => wallClockMs(candidate, zone) === asUtc);
  const instant = matching.length > 0 ? Math.min(...matching) : asUtc - before;
  return new Date(instant).toISOString().replace(/\.000Z$/, "Z");
}

/** The wall-clock time of an instant in a zone, to the minute, as a datetime-local input takes it. */
export function isoToWallTime(iso: string, zone: string): WallTime {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  return new Date(wallClockMs(ms, zone)).toISOString().slice(0, 16);
}

/** The current minute as an ISO instant (seconds dropped so the input and the request agree). */
export function nowToTheMinute(now: Date = new Date()): string {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString().replace(/\.000Z$/, "Z");
}

/** A date and time in a zone, in the UI language, with the weekday (SLA due dates are read against opening days). */
export function formatInZone(iso: string, language: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    timeZone: zone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** The zone the browser runs in, for times that belong to no business unit. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
