import { withTenant, type Db } from "@atende/db";
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

/** Only the generation that was enqueued is marked: a reschedule committed meanwhile keeps its empty enqueued_at. */
export async function markEnqueued(db: Db, refs: TimerRef[], now: Date): Promise<void> {
  for (const [tenantId, ofTenant] of groupByTenant(refs)) {
    await withTenant(db, tenantId, (tx) =>
      tx.timer.updateMany({
        where: {
          tenantId,
          status: "scheduled",
          OR: ofTenant.map((ref) => ({ id: ref.timerId, generation: ref.generation })),
        },
        data: { enqueuedAt: now },
      }),
    );
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
