import type { UrlFilters } from "../../../lib/url-filters";

export const REPORT_FILTER_KEYS = ["from", "to", "clock"] as const;
export type ReportFilters = UrlFilters<(typeof REPORT_FILTER_KEYS)[number]>;
export const REPORT_CLOCKS = ["resolution", "first_response"] as const;
export type ReportClock = (typeof REPORT_CLOCKS)[number];
export type SlaReportParams = { from?: string; to?: string; clock: ReportClock };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day ("2026-03-01") as the instant it starts in the browser's time zone. */
function startOfDay(day: string): string | undefined {
  if (!DAY_PATTERN.test(day)) return undefined;
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const start = new Date(year, month - 1, date);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

function nextDay(day: string): string | undefined {
  const start = startOfDay(day);
  if (!start) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

/** The URL's days -> the API's window: "to" names the last day included, so the window ends when it does. */
export function toReportParams(filters: ReportFilters): SlaReportParams {
  const clock = (REPORT_CLOCKS as readonly string[]).includes(filters.clock)
    ? (filters.clock as ReportClock)
    : "resolution";
  const from = startOfDay(filters.from);
  const to = nextDay(filters.to);
  // A reversed window would be refused; the later bound is dropped rather than showing an error for a typo.
  if (from && to && from > to) return { from, clock };
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), clock };
}

/** Compliance colour: green at or above 90 %, orange from 75 %, red below; grey without measured clocks. */
export function complianceColor(percent: number | null): string {
  if (percent === null) return "var(--mantine-color-gray-5)";
  if (percent >= 90) return "var(--mantine-color-green-6)";
  if (percent >= 75) return "var(--mantine-color-orange-6)";
  return "var(--mantine-color-red-6)";
}
