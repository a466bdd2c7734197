import { PrismaNamespace, writeAsTenant, type Db } from "@atende/db";
import type { TTimerJob } from "./catalog";
import type { TimerRef } from "./timers";

/** Longest wait between two runs of a timer whose handler keeps failing. */
export const TIMER_RETRY_MAX_MS = 5 * 60_000;

/**
 * Counts a failed handler run of the timer's current generation and moves the timer out of the way of its tenant's
 * batches, which go in due order: due again after 1 s, 2 s, 4 s... at most TIMER_RETRY_MAX_MS, under the next
 * generation so that no copy listed before the failure can claim it early, with enqueued_at cleared so the sweep adds
 * its wake-up if the caller does not. It is never given up: a timer whose handler failed for a passing reason (a
 * deadlock, a restart of the database) must still fire, and a broken one costs one transaction per retry. Returns the
 * ref to wake the retry with, or null when the timer was rescheduled, cancelled or fired meanwhile.
 */
export async function recordTimerFailure(
  db: Db,
  job: TTimerJob,
  now: Date,
): Promise<(TimerRef & { attempts: number }) | null> {
  const [row] = await writeAsTenant(db, job.tenantId, (query) =>
    query<{ attempts: number; generation: number; due_at: Date }>(PrismaNamespace.sql`
      UPDATE timers SET attempts = attempts + 1, generation = generation + 1, enqueued_at = NULL,
        due_at = ${now}::timestamptz
          + least(power(2, attempts) * 1000, ${TIMER_RETRY_MAX_MS}::int) * interval '1 millisecond'
      WHERE id = ${job.timerId}::uuid AND tenant_id = ${job.tenantId}::uuid AND generation = ${job.generation}
        AND status = 'scheduled'
      RETURNING attempts, generation, due_at`),
  );
  return row ? { ...job, generation: row.generation, dueAt: row.due_at, attempts: row.attempts } : null;
}
