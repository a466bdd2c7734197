import {
  insertOutboxRaw,
  TIMER_KINDS,
  type RawTimerHandler,
  type TimerHandler,
  type TimerHandlers,
} from "@atende/jobs";

export const BENCH_OUTBOX_KIND = "bench-timer";

// Far in the future so the worker's outbox sweep never dispatches these rows: the bench measures timers, and a
// delivery pass over every row would compete for the same two cores.
const NEVER = new Date("2999-01-01T00:00:00Z");

/**
 * The "real claim + outbox handler": fireTimer has already claimed the timer (setting fired_at) in this raw tenant
 * transaction, and the outbox row, written by the raw variant of the production notifications' insertOutbox, commits
 * or rolls back with that claim. created_at is taken here, after the pool wait and the claim, so it also shows how
 * late the handler's work itself ran.
 */
const claimAndOutbox: RawTimerHandler = {
  raw: true,
  run: async (query, job, now) => {
    await insertOutboxRaw(query, {
      tenantId: job.tenantId,
      kind: BENCH_OUTBOX_KIND,
      payload: { timerId: job.timerId, generation: job.generation, firedAt: now.toISOString() },
      availableAt: NEVER,
      createdAt: new Date(),
    });
  },
};

const unexpected: TimerHandler = async (_tx, job) => {
  throw new Error(`the timers bench schedules only session-expiry timers, got ${job.kind}`);
};

// Built from the catalogue so a kind added there needs no change here: the bench only ever schedules session-expiry.
export const benchHandlers = Object.fromEntries(
  TIMER_KINDS.map((kind) => [kind, kind === "session-expiry" ? claimAndOutbox : unexpected]),
) as TimerHandlers;
