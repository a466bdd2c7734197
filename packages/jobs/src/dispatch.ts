import { poolOf, type Db } from "@atende/db";
import type { Queue } from "bullmq";
import { enqueueTimers, type TimerRef } from "./timers";

/**
 * Call after the transaction that scheduled `refs` commits: adds their delayed jobs, then records enqueued_at so the
 * sweep stops treating them as never enqueued. Rejects on failure; callers log and carry on, since the sweep enqueues
 * any timer whose enqueued_at is still empty.
 */
export async function dispatchTimers(db: Db, queue: Queue, refs: TimerRef[], now: Date = new Date()): Promise<void> {
  if (refs.length === 0) return;
  await enqueueTimers(queue, refs, now);
  await markEnqueued(db, refs, now);
}

/**
 * Only the generation that was enqueued is marked: a reschedule committed meanwhile keeps its empty enqueued_at.
 * Locked rows are skipped rather than waited for: their holder is firing the timer (enqueued_at no longer matters)
 * or rescheduling it (which clears enqueued_at anyway), and waiting would stall the caller behind a handler. One
 * statement per tenant on the raw pool (app_mark_timers_enqueued pins the tenant itself): this runs after every
 * change that schedules timers.
 */
export async function markEnqueued(db: Db, refs: TimerRef[], now: Date): Promise<void> {
  for (const [tenantId, ofTenant] of groupByTenant(refs)) {
    await poolOf(db).query({
      name: "atende_mark_timers_enqueued",
      text: "SELECT app_mark_timers_enqueued($1::uuid, $2::uuid[], $3::int[], $4::timestamptz)",
      values: [tenantId, ofTenant.map((ref) => ref.timerId), ofTenant.map((ref) => ref.generation), now],
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
