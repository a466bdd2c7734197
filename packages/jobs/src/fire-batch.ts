import { PrismaNamespace, writeAsTenant, type Db, type TenantQuery } from "@atende/db";
import type { TTimerJob } from "./catalog";
import { fireTimer, timerHandlerFor, type AfterCommit, type RawTimerHandler, type TimerHandlers } from "./handlers";

/**
 * Fires due timers of one tenant whose handlers are all raw in one transaction: one claim statement for all of them,
 * each claimed timer's handler in turn, one commit. Returns, per job, whether it was claimed; a job repeated in `jobs`,
 * stale or already fired claims nothing, so each timer's handler runs at most once. If anything throws, every claim
 * and every handler's work rolls back together and the error propagates.
 */
export async function fireRawTimers(
  db: Db,
  handlers: TimerHandlers,
  tenantId: string,
  jobs: TTimerJob[],
  now: Date,
): Promise<boolean[]> {
  const work = jobs.map((job) => ({ job, handler: rawHandlerFor(handlers, job, tenantId) }));
  const pending: Array<() => Promise<void>> = [];
  const afterCommit: AfterCommit = (fn) => pending.push(fn);
  const fired = await writeAsTenant(db, tenantId, async (query) => {
    const claimed = await claimTimersRaw(query, jobs, now);
    const results: boolean[] = [];
    for (const { job, handler } of work) {
      // Deleting the key makes a second copy of the same job in this batch find nothing, as a second claim would.
      const won = claimed.delete(claimKey(job));
      results.push(won);
      if (won) await handler.run(query, job, now, afterCommit);
    }
    return results;
  });
  for (const fn of pending) await fn().catch(() => undefined);
  return fired;
}

/**
 * The generation claim of claimTimer for many timers in one statement, under the transaction's tenant pin (row-level
 * security keeps other tenants' timers out); returns "id/generation" keys.
 */
export async function claimTimersRaw(query: TenantQuery, jobs: TTimerJob[], now: Date): Promise<Set<string>> {
  // Sorted so that overlapping batches (duplicate jobs) tend to lock rows in the same order; a deadlock would only send
  // both batches to the one-timer-per-transaction retry.
  const sorted = [...jobs].sort((a, b) => (a.timerId < b.timerId ? -1 : a.timerId > b.timerId ? 1 : 0));
  // One primary-key update per timer inside the function: see migration 20261128210000_claim_timers for why.
  const rows = await query<{ id: string; generation: number }>(PrismaNamespace.sql`
    SELECT c.id, c.generation FROM app_claim_timers(${sorted.map((job) => job.timerId)}::uuid[],
      ${sorted.map((job) => job.generation)}::int[], ${now}::timestamptz) AS c`);
  return new Set(rows.map((row) => claimKey({ timerId: row.id, generation: row.generation })));
}

function claimKey(job: Pick<TTimerJob, "timerId" | "generation">): string {
  return `${job.timerId}/${job.generation}`;
}

function rawHandlerFor(handlers: TimerHandlers, job: TTimerJob, tenantId: string): RawTimerHandler {
  if (job.tenantId !== tenantId) throw new Error("fireRawTimers fires the timers of one tenant at a time");
  const handler = timerHandlerFor(handlers, job.kind);
  if (typeof handler === "function") throw new Error(`the handler of timer kind "${job.kind}" is not raw`);
  return handler;
}

export type TimerFirerOptions = {
  /** Most timers fired in one transaction. */
  maxBatch?: number;
  /** Most batch transactions at once; the rest of the pool stays free for Prisma handlers and the sweep. */
  maxInFlight?: number;
  /**
   * Most Prisma handlers at once: the timers worker takes more jobs at a time than the pool has connections (so raw
   * batches grow), and Prisma handlers beyond the pool would otherwise queue on it and fail after its wait limit.
   */
  maxPrisma?: number;
};

/** Fires one timer as fireTimer does, sharing transactions with timers of the same tenant submitted meanwhile. */
export type TimerFirer = (job: TTimerJob) => Promise<boolean>;

type Pending = { job: TTimerJob; resolve: (fired: boolean) => void; reject: (error: unknown) => void };

/**
 * Group commit for raw handlers: a timer submitted while every batch slot is busy waits for the next free slot and
 * goes with the others of its tenant that arrived meanwhile, so under load a transaction (opening, tenant pin, claim,
 * commit: four round trips and a WAL flush) serves many timers instead of one. Idle, a timer goes alone at once.
 * Prisma handlers are fired singly by fireTimer. When a batch fails, each of its timers is retried in its own
 * transaction, so one failing handler fails only its own job.
 */
export function createTimerFirer(
  db: Db,
  handlers: TimerHandlers,
  now: () => Date,
  options: TimerFirerOptions = {},
): TimerFirer {
  const maxBatch = options.maxBatch ?? 50;
  const maxInFlight = options.maxInFlight ?? 3;
  const prismaSlots = createSlots(options.maxPrisma ?? 6);
  const queued: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    // One turn of the event loop lets the jobs the queue delivers together join the same batch.
    setImmediate(() => {
      scheduled = false;
      while (inFlight < maxInFlight && queued.length > 0) {
        inFlight += 1;
        void run(takeBatch(queued, maxBatch)).finally(() => {
          inFlight -= 1;
          if (queued.length > 0) schedule();
        });
      }
    });
  };

  const run = async (batch: Pending[]): Promise<void> => {
    const [first] = batch;
    if (!first) return;
    try {
      const fired = await fireRawTimers(
        db,
        handlers,
        first.job.tenantId,
        batch.map((p) => p.job),
        now(),
      );
      batch.forEach((p, i) => p.resolve(fired[i] === true));
    } catch (error) {
      if (batch.length === 1) {
        first.reject(error);
        return;
      }
      await Promise.all(batch.map((p) => fireTimer(db, handlers, p.job, now()).then(p.resolve, p.reject)));
    }
  };

  return async (job) => {
    if (typeof timerHandlerFor(handlers, job.kind) === "function")
      return prismaSlots(() => fireTimer(db, handlers, job, now()));
    return new Promise<boolean>((resolve, reject) => {
      queued.push({ job, resolve, reject });
      schedule();
    });
  };
}

/** Takes the oldest waiting timer and up to maxBatch - 1 more of its tenant, keeping the others' order. */
function takeBatch(queued: Pending[], maxBatch: number): Pending[] {
  const tenantId = queued[0]?.job.tenantId;
  const batch: Pending[] = [];
  const rest: Pending[] = [];
  for (const p of queued) {
    if (batch.length < maxBatch && p.job.tenantId === tenantId) batch.push(p);
    else rest.push(p);
  }
  queued.splice(0, queued.length, ...rest);
  return batch;
}

/** Runs at most `size` of the given tasks at once, the others in arrival order as slots free up. */
function createSlots(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
