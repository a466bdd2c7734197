import { withTenant, type Db, type Tx } from "@atende/db";
import type { TimerKind, TTimerJob } from "./catalog";
import { claimTimer } from "./timers";

/** Work to do only once the claim's transaction has committed (enqueue follow-up timers, publish live updates). */
export type AfterCommit = (fn: () => Promise<void>) => void;

/** Runs after the timer is claimed, in the claim's transaction: its work commits or rolls back with the claim. */
export type TimerHandler = (tx: Tx, job: TTimerJob, now: Date, afterCommit: AfterCommit) => Promise<void>;
export type TimerHandlers = Record<TimerKind, TimerHandler>;

export class UnknownTimerKindError extends Error {
  constructor(kind: string) {
    super(`No handler is registered for timer kind "${kind}"`);
    this.name = "UnknownTimerKindError";
  }
}

export function timerHandlerFor(handlers: TimerHandlers, kind: string): TimerHandler {
  const handler = (handlers as Partial<Record<string, TimerHandler>>)[kind];
  if (!handler) throw new UnknownTimerKindError(kind);
  return handler;
}

/**
 * Claims the timer and runs its handler in one tenant transaction; returns false when the claim found nothing
 * (stale generation, cancelled, or already fired by a duplicate job or by the sweep), so it runs at most once.
 */
export async function fireTimer(db: Db, handlers: TimerHandlers, job: TTimerJob, now: Date): Promise<boolean> {
  const handler = timerHandlerFor(handlers, job.kind);
  const pending: Array<() => Promise<void>> = [];
  const fired = await withTenant(db, job.tenantId, async (tx) => {
    if (!(await claimTimer(tx, job, now))) return false;
    await handler(tx, job, now, (fn) => pending.push(fn));
    return true;
  });
  // Follow-ups are best effort: a failure here loses nothing the sweep cannot repair.
  for (const fn of pending) await fn().catch(() => undefined);
  return fired;
}
