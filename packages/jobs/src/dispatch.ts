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

/**
 * Only the generation that was enqueued is marked: a reschedule committed meanwhile keeps its empty enqueued_at.
 * Locked rows are skipped rather than waited for: their holder is firing the timer (enqueued_at no longer matters)
 * or rescheduling it (which clears enqueued_at anyway), and waiting would stall the caller behind a handler.
 */
export async function markEnqueued(db: Db, refs: TimerRef[], now: Date): Promise<void> {
  for (const [tenantId, ofTenant] of groupByTenant(refs)) {
    const ids = ofTenant.map((ref) => ref.timerId);
    const generations = ofTenant.map((ref) => ref.generation);
    // Two statements on purpose: a single UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) is re-run per
    // row under row-level security when statistics are young (quadratic: 11 s for 5,000 timers in bench:timers).
    await withTenant(db, tenantId, async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT t.id FROM timers t
        JOIN unnest(${ids}::uuid[], ${generations}::int[]) AS r(id, generation)
          ON t.id = r.id AND t.generation = r.generation
        WHERE t.tenant_id = ${tenantId}::uuid AND t.status = 'scheduled'
        FOR UPDATE OF t SKIP LOCKED`;
      if (locked.length === 0) return;
      const lockedIds = locked.map((row) => row.id);
      await tx.$executeRaw`UPDATE timers SET enqueued_at = ${now} WHERE id = ANY(${lockedIds}::uuid[])`;
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
