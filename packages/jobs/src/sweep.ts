import { withTenant, type Db } from "@atende/db";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { TIMER_KINDS, type TimerKind } from "./catalog";
import { markEnqueued } from "./dispatch";
import { createTimerFirer } from "./fire-batch";
import { ENQUEUE_HORIZON_MS } from "./horizon";
import type { TimerHandlers } from "./handlers";
import { silentLog, type JobsLog } from "./log";
import { forEachTenant } from "./tenants";
import { enqueueTimers, timerJobId, type TimerRef } from "./timers";

export type SweepTimersDeps = {
  db: Db;
  queue: Queue;
  /** The Redis server holding `queue`, to see which timers' jobs are still there. */
  redis: Redis;
  now: () => Date;
  handlers: TimerHandlers;
  log?: JobsLog;
};
export type SweepTimersOptions = {
  pageSize?: number;
  /** Overdue by more than this, a timer is fired by the sweep itself instead of trusting its job. */
  claimAfterMs?: number;
  /** A timer committed this recently may still be on its way to dispatchTimers. */
  enqueueGraceMs?: number;
};
export type SweepTimersResult = { reEnqueued: number; claimedDirectly: number };

type Options = Required<SweepTimersOptions>;
type TimerRow = { id: string; kind: string; subject: string; generation: number; dueAt: Date; enqueuedAt: Date | null };
type Cursor = { dueAt: Date; id: string };

const DEFAULTS: Options = { pageSize: 500, claimAfterMs: 30_000, enqueueGraceMs: 5_000 };
const DIRECT_CLAIMS_AT_ONCE = 16;

/**
 * Repairs and feeds the timers queue from the database, which is the truth: re-adds overdue timers, and never-enqueued
 * ones due within the enqueue horizon, whose job is missing from Redis, under their deterministic job ids (BullMQ keeps an existing job, so nothing runs twice even if
 * one appears meanwhile), and fires long-overdue ones
 * directly through the generation claim, which covers jobs lost with Redis data or stuck in active.
 */
export async function sweepTimers(deps: SweepTimersDeps, opts: SweepTimersOptions = {}): Promise<SweepTimersResult> {
  const options: Options = { ...DEFAULTS, ...opts };
  const log = deps.log ?? silentLog;
  const now = deps.now();
  const total: SweepTimersResult = { reEnqueued: 0, claimedDirectly: 0 };
  await forEachTenant(deps.db, async (tenantId) => {
    try {
      const result = await sweepTenant(deps, log, tenantId, now, options);
      total.reEnqueued += result.reEnqueued;
      total.claimedDirectly += result.claimedDirectly;
    } catch (error) {
      log.error({ err: error, tenantId }, "timer sweep failed for tenant");
    }
  });
  return total;
}

async function sweepTenant(
  deps: SweepTimersDeps,
  log: JobsLog,
  tenantId: string,
  now: Date,
  options: Options,
): Promise<SweepTimersResult> {
  const result: SweepTimersResult = { reEnqueued: 0, claimedDirectly: 0 };
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await pageDueTimers(deps.db, tenantId, now, cursor, options);
    const refs = rows.flatMap((row) => toRef(row, tenantId, log));
    const claimBefore = now.getTime() - options.claimAfterMs;
    const toClaim = refs.filter((ref) => ref.dueAt.getTime() < claimBefore);
    const toEnqueue = refs.filter((ref) => ref.dueAt.getTime() >= claimBefore);
    result.claimedDirectly += await claimDirectly(deps, log, toClaim);
    if (toEnqueue.length > 0) {
      const missing = await withoutJob(deps, toEnqueue);
      await enqueueTimers(deps.queue, missing, now);
      const neverEnqueued = new Set(rows.filter((row) => row.enqueuedAt === null).map((row) => row.id));
      await markEnqueued(
        deps.db,
        toEnqueue.filter((ref) => neverEnqueued.has(ref.timerId)),
        now,
      );
      result.reEnqueued += missing.length;
    }
    const last = rows[rows.length - 1];
    if (rows.length < options.pageSize || !last) return result;
    cursor = { dueAt: last.dueAt, id: last.id };
  }
}

/** Keyset paging by (due_at, id): rows claimed or re-enqueued in a page may still match, so OFFSET/LIMIT would loop. */
function pageDueTimers(
  db: Db,
  tenantId: string,
  now: Date,
  cursor: Cursor | undefined,
  options: Options,
): Promise<TimerRow[]> {
  const committedBefore = new Date(now.getTime() - options.enqueueGraceMs);
  // Timers further ahead stay in the database until a later sweep finds them within the horizon (decision 0013).
  const horizonEnd = new Date(now.getTime() + ENQUEUE_HORIZON_MS);
  return withTenant(db, tenantId, (tx) =>
    tx.timer.findMany({
      where: {
        tenantId,
        status: "scheduled",
        // Implied by both branches below; stated so the index range stops at the horizon instead of walking every
        // future timer (751 ms against 7 ms at 570,000 scheduled timers).
        dueAt: { lte: horizonEnd },
        AND: [
          {
            OR: [
              { dueAt: { lte: now } },
              { enqueuedAt: null, createdAt: { lt: committedBefore }, dueAt: { lte: horizonEnd } },
            ],
          },
          cursor ? { OR: [{ dueAt: { gt: cursor.dueAt } }, { dueAt: cursor.dueAt, id: { gt: cursor.id } }] } : {},
        ],
      },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: options.pageSize,
      select: { id: true, kind: true, subject: true, generation: true, dueAt: true, enqueuedAt: true },
    }),
  );
}

/**
 * A worker that is behind has every overdue timer's job still queued; re-adding them all cost it a Lua call and an
 * update per timer on every pass (30,000-48,000 per 100,000-timer burst in bench:timers). One pipelined EXISTS per
 * job finds those lost with Redis data or never added. A kept failed job counts as present: the direct claim covers it.
 */
async function withoutJob(deps: SweepTimersDeps, refs: TimerRef[]): Promise<TimerRef[]> {
  const pipeline = deps.redis.pipeline();
  for (const ref of refs) pipeline.exists(deps.queue.toKey(timerJobId(ref)));
  const replies = (await pipeline.exec()) ?? [];
  return refs.filter((_, i) => {
    const reply = replies[i];
    return !reply || reply[0] !== null || reply[1] !== 1;
  });
}

async function claimDirectly(deps: SweepTimersDeps, log: JobsLog, refs: TimerRef[]): Promise<number> {
  const fire = createTimerFirer(deps.db, deps.handlers, deps.now);
  let claimed = 0;
  // A few at a time rather than one by one (after Redis lost its data this is every overdue timer): raw handlers'
  // timers then share transactions, while Prisma handlers' do not queue up for the pool past its wait limit.
  for (let from = 0; from < refs.length; from += DIRECT_CLAIMS_AT_ONCE) {
    const chunk = refs.slice(from, from + DIRECT_CLAIMS_AT_ONCE);
    await Promise.all(
      chunk.map(async (ref) => {
        try {
          if (await fire(ref)) claimed += 1;
        } catch (error) {
          log.error(
            { err: error, tenantId: ref.tenantId, timerId: ref.timerId, kind: ref.kind },
            "sweep could not fire timer",
          );
        }
      }),
    );
  }
  return claimed;
}

function toRef(row: TimerRow, tenantId: string, log: JobsLog): TimerRef[] {
  if (!isTimerKind(row.kind)) {
    log.warn({ tenantId, timerId: row.id, kind: row.kind }, "timer of unknown kind left as it is");
    return [];
  }
  return [
    { tenantId, timerId: row.id, kind: row.kind, subject: row.subject, generation: row.generation, dueAt: row.dueAt },
  ];
}

function isTimerKind(kind: string): kind is TimerKind {
  return (TIMER_KINDS as readonly string[]).includes(kind);
}
