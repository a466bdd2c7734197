import { TIMER_SKEW_MS } from "./follow-ups";

export type WarnableClock = { status: string; warnAt: Date | null; warnedAt: Date | null };

export type WarningVerdict =
  | { action: "none" }
  /** The timer fired before the clock's warn instant (its plan moved later): fire again at that instant. */
  | { action: "rearm"; at: Date }
  | { action: "warn"; warnedAt: Date };

/**
 * What a warning timer does with its clock. A clock that stopped, paused or was already warned for its current plan
 * is left alone. A warning given before the current warn instant belongs to an earlier plan (the due instant moved
 * since), so it does not count. The warning is never dated before the warn instant, or the same check would later
 * take it for an earlier plan's warning.
 */
export function warningVerdict(clock: WarnableClock | null, now: Date): WarningVerdict {
  if (!clock || clock.status !== "running" || !clock.warnAt) return { action: "none" };
  if (clock.warnedAt && clock.warnedAt >= clock.warnAt) return { action: "none" };
  if (clock.warnAt.getTime() > now.getTime() + TIMER_SKEW_MS) return { action: "rearm", at: clock.warnAt };
  return { action: "warn", warnedAt: new Date(Math.max(now.getTime(), clock.warnAt.getTime())) };
}
