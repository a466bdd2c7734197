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

/**
 * An error thrown by a timer's handler (as opposed to the database failing to open the transaction or run the claim):
 * only these count as failed runs of the timer. Keeps the handler's message; the original is the cause.
 */
export class TimerHandlerError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "TimerHandlerError";
  }
}

async function runHandler(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw new TimerHandlerError(error);
  }
}

export function timerHandlerFor(handlers: TimerHandlers, kind: string): AnyTimerHandler {
  const handler = (handlers as Partial<Record<string, AnyTimerHandler>>)[kind];
  if (!handler) throw new UnknownTimerKindError(kind);
  return handler;
}

/**
 * Claims the timer and runs its handler in one tenant transaction; returns false when the claim found nothing
 * (stale generation, cancelled, or already fired by another wake-up or by the sweep), so it runs at most once. A
 * handler's error rolls the claim back and is rethrown as a TimerHandlerError.
 */
export async function fireTimer(db: Db, handlers: TimerHandlers, job: TTimerJob, now: Date): Promise<boolean> {
  const handler = timerHandlerFor(handlers, job.kind);
  const pending: Array<() => Promise<void>> = [];
  const afterCommit: AfterCommit = (fn) => pending.push(fn);
  const fired =
    typeof handler === "function"
      ? await withTenant(db, job.tenantId, async (tx) => {
          if (!(await claimTimer(tx, job, now))) return false;
          await runHandler(() => handler(tx, job, now, afterCommit));
          return true;
        })
      : await writeAsTenant(db, job.tenantId, async (query) => {
          if (!(await claimTimerRaw(query, job, now))) return false;
          await runHandler(() => handler.run(query, job, now, afterCommit));
          return true;
        });
  // Follow-ups are best effort: a failure here loses nothing the sweep cannot repair.
  for (const fn of pending) await fn().catch(() => undefined);
  return fired;
}
