/** Whole hours and the minutes left over: 150 -> { hours: 2, minutes: 30 }. */
export function durationParts(totalMinutes: number): { hours: number; minutes: number } {
  const safe = Math.max(0, Math.round(totalMinutes));
  return { hours: Math.floor(safe / 60), minutes: safe % 60 };
}

/** The age of a waiting item: hours under two days, whole days from then on (floored, never negative). */
export function ageParts(ageHours: number): { unit: "hours" | "days"; value: number } {
  const hours = Math.max(0, ageHours);
  return hours < 48 ? { unit: "hours", value: Math.floor(hours) } : { unit: "days", value: Math.floor(hours / 24) };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A planned or delivery date in the UI language. A calendar date ("2027-03-15") names a day, not an instant: it is
 * formatted in UTC so no time zone moves it to the day before.
 */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return "";
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    ...(dateOnly ? { timeZone: "UTC" } : {}),
  }).format(date);
}

/** The calendar day of a date or date-time, for date pickers ("2027-03-15T10:00:00Z" -> "2027-03-15"). */
export function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** File size for a document list: bytes, KB or MB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** An SVG as an image source: the markup never enters the page's DOM, so nothing in it can run. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
