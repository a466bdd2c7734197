import type { TSlaClock } from "@atende/contracts";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** List rows carry no warning instant, so the queue calls a target "due soon" inside this window. */
export const DUE_SOON_MS = 2 * HOUR;

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * A duration as its two largest units ("2d 03h", "1h 05m", "4m 09s", "12s"): precise enough to act on,
 * short enough for a table cell. The sign is the caller's business.
 */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / SECOND) * SECOND;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const seconds = Math.floor((total % MINUTE) / SECOND);
  if (days > 0) return `${days}d ${pad(hours)}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

const timeOf = (iso: string | null): number | null => {
  if (!iso) return null;
  const time = new Date(iso).getTime();
  return Number.isFinite(time) ? time : null;
};

/** Milliseconds until the instant (negative once past), or null without one. */
export function msUntil(iso: string | null, now: number): number | null {
  const time = timeOf(iso);
  return time === null ? null : time - now;
}

export type DueTone = "none" | "ok" | "soon" | "overdue";

/** The queue's next-due colour: the breached flag wins, then the clock on the wall. */
export function dueTone(nextDueAt: string | null, breached: boolean, now: number): DueTone {
  if (breached) return "overdue";
  const left = msUntil(nextDueAt, now);
  if (left === null) return "none";
  if (left < 0) return "overdue";
  return left <= DUE_SOON_MS ? "soon" : "ok";
}

export const DUE_TONE_COLORS: Record<DueTone, string> = { none: "dimmed", ok: "green", soon: "orange", overdue: "red" };

export type ClockState = "not_started" | "running" | "warning" | "paused" | "met" | "breached" | "stopped";

/**
 * What a clock shows now. The server marks a breach from a timer job, so a running clock past its due instant is
 * shown breached at once rather than waiting for the job.
 */
export function clockState(clock: Pick<TSlaClock, "status" | "dueAt" | "warnAt">, now: number): ClockState {
  if (clock.status !== "running") return clock.status;
  const due = timeOf(clock.dueAt);
  if (due !== null && now >= due) return "breached";
  const warn = timeOf(clock.warnAt);
  return warn !== null && now >= warn ? "warning" : "running";
}

export const CLOCK_STATE_COLORS: Record<ClockState, string> = {
  not_started: "gray",
  running: "green",
  warning: "orange",
  paused: "gray",
  met: "teal",
  breached: "red",
  stopped: "gray",
};

/** Clocks whose due instant still means something to look at: counting, or counted out. */
export function showsCountdown(state: ClockState): boolean {
  return state === "running" || state === "warning" || state === "breached";
}
