import { withTenant, writeAsTenant, type Db, type TenantQuery, type Tx } from "@atende/db";
import type { TimerKind, TTimerJob } from "./catalog";
import { claimTimer, claimTimerRaw } from "./timers";

/** Work to do only once the claim's transaction has committed (enqueue follow-up timers, publish live updates). */
export type AfterCommit = (fn: () => Promise<void>) => void;

/** Runs after the timer is claimed, in the claim's transaction: its work commits or rolls back with the claim. */
export type TimerHandler = (tx: Tx, job: TTimerJob, now: Date, afterCommit: AfterCommit) => Promise<void>;

/**
 * A handler whose work is only SQL: the claim and `run` share a raw tenant transaction (writeAsTenant) instead of a
 * Prisma interactive one, whose open, tenant pin and commit cost the worker more CPU than the claim itself.
 */
export type RawTimerHandler = {
  raw: true;
  run: (query: TenantQuery, job: TTimerJob, now: Date, afterCommit: AfterCommit) => Promise<void>;
};

export type AnyTimerHandler = TimerHandler | RawTimerHandler;
export type TimerHandlers = Record<TimerKind, AnyTimerHandler>;

export class UnknownTimerKindError extends Error {
  constructor(kind: string) {
    super(`No handler is registered for timer kind "${kind}"`);
    this.name = "UnknownTimerKindError";
  }
}

export function timerHandlerFor(handlers: TimerHandlers, kind: string): AnyTimerHandler {
  const handler = (handlers as Partial<Record<string, AnyTimerHandler>>)[kind];
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
  const afterCommit: AfterCommit = (fn) => pending.push(fn);
  const fired =
    typeof handler === "function"
      ? await withTenant(db, job.tenantId, async (tx) => {
          if (!(await claimTimer(tx, job, now))) return false;
          await handler(tx, job, now, afterCommit);
          return true;
        })
      : await writeAsTenant(db, job.tenantId, async (query) => {
          if (!(await claimTimerRaw(query, job, now))) return false;
          await handler.run(query, job, now, afterCommit);
          return true;
        });
  // Follow-ups are best effort: a failure here loses nothing the sweep cannot repair.
  for (const fn of pending) await fn().catch(() => undefined);
  return fired;
}
