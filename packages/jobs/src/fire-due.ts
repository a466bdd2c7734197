import { PrismaNamespace, writeAsTenant, type Db, type TenantQuery } from "@atende/db";
import { TIMER_KINDS, type TimerKind, type TTimerJob } from "./catalog";
import { fireTimer, TimerHandlerError, type AfterCommit, type TimerHandlers } from "./handlers";
import { silentLog, type JobsLog } from "./log";
import { createSlots } from "./slots";
import { recordTimerFailure } from "./timer-failure";
import type { TimerRef } from "./timers";

export type DueTimerFirerOptions = {
  /** Most timers claimed (raw handlers) or listed (Prisma handlers) per transaction. */
  maxBatch?: number;
  /** Most batch transactions at once in this process; the rest of the pool stays free for Prisma handlers. */
  maxInFlight?: number;
  /** Most Prisma handlers at once, below the pool's size so none waits on the pool past its limit. */
  maxPrisma?: number;
  /**
   * Adds the wake-up of a failed timer's retry (the worker passes dispatchTimers); without it the sweep adds it, up to
   * one sweep interval after the backoff.
   */
  dispatch?: (refs: TimerRef[]) => Promise<void>;
  /** Most batches one call goes through; whatever is left is for the next wake-up or sweep. */
  maxRounds?: number;
  log?: JobsLog;
};

/**
 * Fires every timer of the tenant due by `dueBy`, each exactly once; returns how many the drain that served the call
 * fired (calls that joined one share its count). `join: false` never joins a waiting drain (the sweep, which counts
 * what it fired itself).
 */
export type DueTimerFirer = (tenantId: string, dueBy: Date, options?: { join?: boolean }) => Promise<number>;

type DueRow = { id: string; kind: TimerKind; subject: string; generation: number };
type Round = { fired: number; prismaDue: TTimerJob[]; more: boolean };
type WaitingDrain = { dueBy: number; done: Promise<number> };

/**
 * The worker's way of firing timers (decision 0021). Timers whose handlers are raw SQL are claimed a batch at a time
 * by app_claim_due_timers, oldest due first, and their handlers run in the claim's transaction: one opening, tenant
 * pin, claim and commit for up to maxBatch timers. Concurrent calls for one tenant take disjoint rows (SKIP LOCKED).
 * Timers whose handlers need Prisma are listed in the same transaction and then fired one per transaction by the
 * generation claim (fireTimer), a few at a time. If a handler throws, its batch rolls back and each of its timers is
 * fired alone, so one failing handler fails only its own timer, which is retried with backoff (recordTimerFailure). An
 * error of the database itself (no connection, pool exhausted) fails the call, and the wake-up's job is retried.
 */
export function createDueTimerFirer(
  db: Db,
  handlers: TimerHandlers,
  now: () => Date,
  options: DueTimerFirerOptions = {},
): DueTimerFirer {
  const maxBatch = options.maxBatch ?? 100;
  const maxRounds = options.maxRounds ?? 1_000;
  const log = options.log ?? silentLog;
  const batchSlots = createSlots(options.maxInFlight ?? 3);
  const prismaSlots = createSlots(options.maxPrisma ?? 6);
  const rawKinds = TIMER_KINDS.filter((kind) => typeof handlers[kind] !== "function");
  const prismaKinds = TIMER_KINDS.filter((kind) => typeof handlers[kind] === "function");

  // Never before the wake-up's own time: the in-process wait (setTimeout) may end a little early.
  const firingTime = (dueBy: Date): Date => new Date(Math.max(now().getTime(), dueBy.getTime()));

  const fireAlone = async (job: TTimerJob, at: Date): Promise<boolean> => {
    try {
      return await fireTimer(db, handlers, job, at);
    } catch (error) {
      if (!(error instanceof TimerHandlerError)) throw error;
      const retry = await recordTimerFailure(db, job, now());
      log.error(
        { err: error.cause, tenantId: job.tenantId, timerId: job.timerId, kind: job.kind, retry },
        "timer handler failed; retrying with backoff",
      );
      if (retry && options.dispatch) await options.dispatch([retry]).catch(() => undefined);
      return false;
    }
  };

  const round = async (tenantId: string, dueBy: Date): Promise<Round> => {
    const at = firingTime(dueBy);
    const pending: Array<() => Promise<void>> = [];
    const afterCommit: AfterCommit = (fn) => pending.push(fn);
    let claimed: TTimerJob[] = [];
    try {
      const prismaDue = await writeAsTenant(db, tenantId, async (query) => {
        claimed = rawKinds.length > 0 ? await claimDue(query, tenantId, dueBy, at, rawKinds, maxBatch) : [];
        for (const job of claimed) {
          const handler = handlers[job.kind];
          if (typeof handler !== "function") await handler.run(query, job, at, afterCommit);
        }
        return prismaKinds.length > 0 ? listDue(query, tenantId, dueBy, prismaKinds, maxBatch) : [];
      });
      // Follow-ups are best effort: a failure here loses nothing the sweep cannot repair.
      for (const fn of pending) await fn().catch(() => undefined);
      const more = claimed.length === maxBatch || prismaDue.length === maxBatch;
      return { fired: claimed.length, prismaDue, more };
    } catch (error) {
      // Nothing was claimed (the database failed before or during the claim): let the wake-up's job retry.
      if (claimed.length === 0) throw error;
      // A few at a time, as Prisma handlers go: a batch of 100 at once would queue on the pool past its wait limit.
      const alone = await Promise.all(claimed.map((job) => prismaSlots(() => fireAlone(job, at))));
      return { fired: alone.filter(Boolean).length, prismaDue: [], more: true };
    }
  };

  const drain = async (tenantId: string, entry: WaitingDrain): Promise<number> => {
    let fired = 0;
    let dueBy = new Date(entry.dueBy);
    for (let rounds = 0; rounds < maxRounds; rounds += 1) {
      const {
        fired: firedRaw,
        prismaDue,
        more,
      } = await batchSlots(() => {
        if (rounds === 0) {
          // From here on, calls for this tenant start a drain of their own instead of joining this one.
          if (waiting.get(tenantId) === entry) waiting.delete(tenantId);
          dueBy = new Date(entry.dueBy);
        }
        return round(tenantId, dueBy);
      });
      const firedPrisma = await Promise.all(
        prismaDue.map((job) => prismaSlots(() => fireAlone(job, firingTime(dueBy)))),
      );
      fired += firedRaw + firedPrisma.filter(Boolean).length;
      if (!more) break;
    }
    return fired;
  };

  // A call that finds a drain of its tenant still waiting for its first slot joins it (raising its due bound) instead of
  // queueing a second one: under load, wake-ups every 10 ms would otherwise each wait their turn only to find that an
  // earlier one had claimed their timers, and every such empty turn is a transaction that delays the rest.
  const waiting = new Map<string, WaitingDrain>();
  return (tenantId, dueBy, { join = true } = {}) => {
    const joined = join ? waiting.get(tenantId) : undefined;
    if (joined) {
      joined.dueBy = Math.max(joined.dueBy, dueBy.getTime());
      return joined.done;
    }
    const entry: WaitingDrain = { dueBy: dueBy.getTime(), done: Promise.resolve(0) };
    if (join) waiting.set(tenantId, entry);
    entry.done = drain(tenantId, entry).finally(() => {
      if (waiting.get(tenantId) === entry) waiting.delete(tenantId);
    });
    return entry.done;
  };
}

async function claimDue(
  query: TenantQuery,
  tenantId: string,
  dueBy: Date,
  at: Date,
  kinds: TimerKind[],
  limit: number,
): Promise<TTimerJob[]> {
  const rows = await query<DueRow>(PrismaNamespace.sql`
    SELECT c.id, c.kind, c.subject, c.generation
    FROM app_claim_due_timers(${tenantId}::uuid, ${dueBy}::timestamptz, ${at}::timestamptz, ${kinds}::text[],
      ${limit}::int) AS c`);
  return rows.map((row) => toJob(row, tenantId));
}

async function listDue(
  query: TenantQuery,
  tenantId: string,
  dueBy: Date,
  kinds: TimerKind[],
  limit: number,
): Promise<TTimerJob[]> {
  const rows = await query<DueRow>(PrismaNamespace.sql`
    SELECT id, kind, subject, generation FROM timers
    WHERE tenant_id = ${tenantId}::uuid AND status = 'scheduled' AND due_at <= ${dueBy}::timestamptz
      AND kind = ANY (${kinds}::text[])
    ORDER BY due_at, id
    LIMIT ${limit}::int`);
  return rows.map((row) => toJob(row, tenantId));
}

function toJob(row: DueRow, tenantId: string): TTimerJob {
  return { tenantId, timerId: row.id, kind: row.kind, subject: row.subject, generation: row.generation };
}
