import { poolOf, type Db } from "@atende/db";
import type { Queue } from "bullmq";
import { isWithinEnqueueHorizon } from "./horizon";
import type { TimerRef } from "./timers";
import { enqueueTimers } from "./wake";

export type DispatchOptions = {
  /**
   * The scheduling statement already set enqueued_at on these timers (ticket creation does, to spare a round trip and
   * a commit): the mark is cleared instead if adding the jobs fails.
   */
  premarked?: boolean;
};

/**
 * Call after the transaction that scheduled `refs` commits: adds the wake-ups of those due within the enqueue
 * horizon, then records enqueued_at so the sweep stops treating them as never enqueued; the sweep adds the others
 * when they come close. Rejects on failure; callers log and carry on, since the sweep enqueues any timer whose
 * enqueued_at is still empty.
 */
export async function dispatchTimers(
  db: Db,
  queue: Queue,
  refs: TimerRef[],
  now: Date = new Date(),
  options: DispatchOptions = {},
): Promise<void> {
  const near = refs.filter((ref) => isWithinEnqueueHorizon(ref.dueAt, now));
  if (near.length === 0) return;
  if (!options.premarked) {
    await enqueueTimers(queue, near, now);
    await markEnqueued(db, near, now);
    return;
  }
  try {
    await enqueueTimers(queue, near, now);
  } catch (error) {
    await unmarkEnqueued(db, near);
    throw error;
  }
}

/**
 * Only the generation that was enqueued is marked: a reschedule committed meanwhile keeps its empty enqueued_at.
 * Locked rows are skipped rather than waited for: their holder is firing the timer (enqueued_at no longer matters)
 * or rescheduling it (which clears enqueued_at anyway), and waiting would stall the caller behind a handler. One
 * statement per tenant on the raw pool (app_mark_timers_enqueued pins the tenant itself): this runs after every
 * change that schedules timers.
 */
export async function markEnqueued(db: Db, refs: TimerRef[], now: Date): Promise<void> {
  await perTenant(
    db,
    refs,
    "atende_mark_timers_enqueued",
    "app_mark_timers_enqueued($1::uuid, $2::uuid[], $3::int[], $4::timestamptz)",
    [now],
  );
}

/** Clears enqueued_at of timers whose jobs could not be added, so the sweep adds them (only the generation given). */
export async function unmarkEnqueued(db: Db, refs: TimerRef[]): Promise<void> {
  await perTenant(
    db,
    refs,
    "atende_unmark_timers_enqueued",
    "app_unmark_timers_enqueued($1::uuid, $2::uuid[], $3::int[])",
  );
}

/** One call of `fn` per tenant (it pins the tenant itself) with the tenant's timer ids and generations. */
async function perTenant(db: Db, refs: TimerRef[], name: string, fn: string, extra: unknown[] = []): Promise<void> {
  for (const [tenantId, ofTenant] of groupByTenant(refs)) {
    await poolOf(db).query({
      name,
      text: `SELECT ${fn}`,
      values: [tenantId, ofTenant.map((ref) => ref.timerId), ofTenant.map((ref) => ref.generation), ...extra],
    });
  }
}

function groupByTenant(refs: TimerRef[]): Map<string, TimerRef[]> {
  const groups = new Map<string, TimerRef[]>();
  for (const ref of refs) {
    const group = groups.get(ref.tenantId);
    if (group) group.push(ref);
    else groups.set(ref.tenantId, [ref]);
  }
  return groups;
}
