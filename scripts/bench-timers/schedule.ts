import type { Db } from "@atende/db";
import { enqueueTimers, markEnqueued, type TimerKind, type TimerRef } from "@atende/jobs";
import type { Queue } from "bullmq";
import type pg from "pg";

export const CHUNK = 5_000;

export type Batch = {
  tenantId: string;
  total: number;
  firstDue: Date;
  spreadMs: number;
};

export type ScheduleResult = {
  insertMs: number;
  enqueueMs: number;
  markMs: number;
  /** Epoch ms when the last chunk was enqueued and marked. */
  doneAt: number;
};

export type InsertedRow = { id: string; subject: string; due_at: Date; generation: number };

/**
 * How one chunk of the batch's timers (positions `from`..`to`, 1-based, the n-th due at firstDue + (n - 1) * stepMs)
 * is inserted, on the owner's connection with app.tenant_id set, returning the inserted rows.
 */
export type TimerRows = {
  kind: TimerKind;
  insert: (sql: pg.Client, batch: Batch, from: number, to: number, stepMs: number) => Promise<InsertedRow[]>;
};

/** Session-expiry timers with nothing behind them, for the bench's raw claim + outbox handler. */
export function sessionExpiryRows(subjectPrefix: string): TimerRows {
  return {
    kind: "session-expiry",
    insert: async (sql, batch, from, to, stepMs) => {
      const { rows } = await sql.query<InsertedRow>(
        `INSERT INTO timers (id, tenant_id, kind, subject, due_at, generation, status, payload)
         SELECT gen_random_uuid(), $1::uuid, 'session-expiry', $2 || '-' || n,
           $3::timestamptz + ((n - 1) * $4::float8) * interval '1 millisecond', 1, 'scheduled', '{}'
         FROM generate_series($5::int, $6::int) AS n
         RETURNING id, subject, due_at, generation`,
        [batch.tenantId, subjectPrefix, batch.firstDue, stepMs, from, to],
      );
      return rows;
    },
  };
}

/**
 * Inserts the batch as scheduleTimer would leave it (generation 1, status scheduled) and dispatches it the
 * production way (dispatchTimers is enqueueTimers then markEnqueued; called apart here to time each), chunk by chunk
 * in due order so the earliest timers are queued first.
 * `sql` is the owner's connection with app.tenant_id already set to the batch's tenant.
 */
export async function scheduleBatch(
  sql: pg.Client,
  db: Db,
  queue: Queue,
  batch: Batch,
  timers: TimerRows,
): Promise<ScheduleResult> {
  const stepMs = batch.total > 0 ? batch.spreadMs / batch.total : 0;
  let insertMs = 0;
  let enqueueMs = 0;
  let markMs = 0;
  for (let from = 1; from <= batch.total; from += CHUNK) {
    const to = Math.min(batch.total, from + CHUNK - 1);
    const insertStart = performance.now();
    const rows = await timers.insert(sql, batch, from, to, stepMs);
    // markEnqueued, run as the app role under row-level security, plans a nested-loop semi join that re-runs its
    // locking subquery per row (quadratic: ~11 s for 5,000 refs here) while the statistics know nothing of this
    // tenant's timers; analysing once the first chunk exists gives it the linear plan production sees for known tenants.
    if (from === 1) await sql.query("ANALYZE timers");
    insertMs += performance.now() - insertStart;
    const refs: TimerRef[] = rows.map((row) => ({
      tenantId: batch.tenantId,
      timerId: row.id,
      kind: timers.kind,
      subject: row.subject,
      generation: row.generation,
      dueAt: row.due_at,
    }));
    const now = new Date();
    const enqueueStart = performance.now();
    await enqueueTimers(queue, refs, now);
    const markStart = performance.now();
    await markEnqueued(db, refs, now);
    enqueueMs += markStart - enqueueStart;
    markMs += performance.now() - markStart;
  }
  // Fresh rows in a small table would otherwise leave the sweep's and the bench's plans guessing.
  await sql.query("ANALYZE timers");
  return { insertMs, enqueueMs, markMs, doneAt: Date.now() };
}
