import type pg from "pg";
import { BENCH_OUTBOX_KIND } from "./handlers";

// Every query here runs on the owner's connection with app.tenant_id set to the batch's tenant, and filters by
// tenant_id as well so a superuser owner (who bypasses row-level security) sees the same rows.

export type Lateness = {
  fired: number;
  p50: number;
  p99: number;
  max: number;
  firstDue: Date | null;
  lastDue: Date | null;
  firstFired: Date | null;
  lastFired: Date | null;
  peakPerSecond: number;
  /** Lateness of the handler's outbox insert (after the pool wait and the claim), not only of the job's start. */
  insertP50: number;
  insertP99: number;
};

export type ExactlyOnce = {
  timers: number;
  fired: number;
  outboxRows: number;
  outboxTimers: number;
  /** Outbox rows whose timer is not fired: a handler's work committed without its claim. */
  orphans: number;
  ok: boolean;
};

const num = (value: unknown): number => (value === null || value === undefined ? Number.NaN : Number(value));

export async function firedCount(sql: pg.Client, tenantId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM timers WHERE tenant_id = $1 AND status = 'fired'",
    [tenantId],
  );
  return rows[0]?.n ?? 0;
}

export async function overdueCount(sql: pg.Client, tenantId: string, before: Date): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM timers WHERE tenant_id = $1 AND status = 'scheduled' AND due_at < $2",
    [tenantId, before],
  );
  return rows[0]?.n ?? 0;
}

export async function lateness(sql: pg.Client, tenantId: string): Promise<Lateness> {
  const { rows } = await sql.query<Record<string, unknown>>(
    `WITH t AS (
       SELECT due_at, fired_at, extract(epoch FROM fired_at - due_at)::float8 * 1000 AS ms
       FROM timers WHERE tenant_id = $1 AND status = 'fired'
     )
     SELECT count(*)::int AS fired,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
       max(ms) AS max, min(due_at) AS first_due, max(due_at) AS last_due,
       min(fired_at) AS first_fired, max(fired_at) AS last_fired,
       (SELECT coalesce(max(c), 0)::int FROM (SELECT count(*) AS c FROM t GROUP BY date_trunc('second', fired_at)) s)
         AS peak
     FROM t`,
    [tenantId],
  );
  const { rows: inserted } = await sql.query<Record<string, unknown>>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
     FROM (
       SELECT extract(epoch FROM o.created_at - t.due_at)::float8 * 1000 AS ms
       FROM outbox o JOIN timers t ON t.id = (o.payload->>'timerId')::uuid AND t.tenant_id = o.tenant_id
       WHERE o.tenant_id = $1 AND o.kind = $2
     ) s`,
    [tenantId, BENCH_OUTBOX_KIND],
  );
  const r = rows[0] ?? {};
  const i = inserted[0] ?? {};
  return {
    fired: num(r.fired),
    p50: num(r.p50),
    p99: num(r.p99),
    max: num(r.max),
    firstDue: (r.first_due as Date | null) ?? null,
    lastDue: (r.last_due as Date | null) ?? null,
    firstFired: (r.first_fired as Date | null) ?? null,
    lastFired: (r.last_fired as Date | null) ?? null,
    peakPerSecond: num(r.peak),
    insertP50: num(i.p50),
    insertP99: num(i.p99),
  };
}

export async function exactlyOnce(sql: pg.Client, tenantId: string, expected: number): Promise<ExactlyOnce> {
  const { rows } = await sql.query<Omit<ExactlyOnce, "ok">>(
    `SELECT
       (SELECT count(*)::int FROM timers WHERE tenant_id = $1) AS "timers",
       (SELECT count(*)::int FROM timers WHERE tenant_id = $1 AND status = 'fired') AS "fired",
       (SELECT count(*)::int FROM outbox WHERE tenant_id = $1 AND kind = $2) AS "outboxRows",
       (SELECT count(DISTINCT payload->>'timerId')::int FROM outbox WHERE tenant_id = $1 AND kind = $2) AS "outboxTimers",
       (SELECT count(*)::int FROM outbox o WHERE o.tenant_id = $1 AND o.kind = $2 AND NOT EXISTS (
          SELECT 1 FROM timers t WHERE t.id = (o.payload->>'timerId')::uuid AND t.status = 'fired')) AS "orphans"`,
    [tenantId, BENCH_OUTBOX_KIND],
  );
  const r = rows[0];
  if (!r) throw new Error("exactly-once query returned no row");
  const ok =
    r.timers === expected &&
    r.fired === expected &&
    r.outboxRows === expected &&
    r.outboxTimers === expected &&
    r.orphans === 0;
  return { ...r, ok };
}

/** The first fired_at strictly after `after`. */
export async function firstFiredAfter(sql: pg.Client, tenantId: string, after: Date): Promise<Date | null> {
  const { rows } = await sql.query<{ at: Date | null }>(
    "SELECT min(fired_at) AS at FROM timers WHERE tenant_id = $1 AND status = 'fired' AND fired_at > $2",
    [tenantId, after],
  );
  return rows[0]?.at ?? null;
}

/** When the backlog of timers already due at `at` but not fired by then was cleared (null when there was none). */
export async function backlogAt(
  sql: pg.Client,
  tenantId: string,
  at: Date,
): Promise<{ count: number; clearedAt: Date | null }> {
  const { rows } = await sql.query<{ n: number; cleared: Date | null }>(
    `SELECT count(*)::int AS n, max(fired_at) AS cleared FROM timers
     WHERE tenant_id = $1 AND due_at <= $2 AND (fired_at IS NULL OR fired_at > $2)`,
    [tenantId, at],
  );
  return { count: rows[0]?.n ?? 0, clearedAt: rows[0]?.cleared ?? null };
}
