import type pg from "pg";
import { SLA_CLOCK_KIND, SLA_EVENT_TYPE } from "./sla";

// Like measure.ts: the owner's connection with app.tenant_id set, and every query filtered by tenant_id as well.

export type SlaWork = {
  /** Clocks the handler marked warned, and how late: sla_clocks.updated_at (written with warned_at, at the handler's
   * firing instant) minus the timer's due_at. */
  warned: number;
  p50: number;
  p99: number;
  max: number;
};

export type SlaOnce = {
  timers: number;
  fired: number;
  events: number;
  eventTickets: number;
  warnedClocks: number;
  /** sla.warning events of a ticket whose timer is not fired: a handler's work committed without its claim. */
  orphans: number;
  ok: boolean;
};

const num = (value: unknown): number => (value === null || value === undefined ? Number.NaN : Number(value));

/** Joins each warned clock to its timer by the planner's subject, "<ticket id>_<clock kind>". */
export async function slaWork(sql: pg.Client, tenantId: string): Promise<SlaWork> {
  const { rows } = await sql.query<Record<string, unknown>>(
    `SELECT count(*)::int AS warned,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
       max(ms) AS max
     FROM (
       SELECT extract(epoch FROM c.updated_at - t.due_at)::float8 * 1000 AS ms
       FROM sla_clocks c
       JOIN timers t ON t.tenant_id = c.tenant_id AND t.kind = 'sla-warning' AND t.subject = c.ticket_id::text || '_' || c.kind
       WHERE c.tenant_id = $1 AND c.kind = $2 AND c.warned_at IS NOT NULL
     ) s`,
    [tenantId, SLA_CLOCK_KIND],
  );
  const r = rows[0] ?? {};
  return { warned: num(r.warned), p50: num(r.p50), p99: num(r.p99), max: num(r.max) };
}

/** Every timer fired, and every ticket warned exactly once (one event, its clock marked) under a fired timer. */
export async function slaExactlyOnce(sql: pg.Client, tenantId: string, expected: number): Promise<SlaOnce> {
  const { rows } = await sql.query<Omit<SlaOnce, "ok">>(
    `SELECT
       (SELECT count(*)::int FROM timers WHERE tenant_id = $1) AS "timers",
       (SELECT count(*)::int FROM timers WHERE tenant_id = $1 AND status = 'fired') AS "fired",
       (SELECT count(*)::int FROM ticket_events WHERE tenant_id = $1 AND type = $2) AS "events",
       (SELECT count(DISTINCT ticket_id)::int FROM ticket_events WHERE tenant_id = $1 AND type = $2) AS "eventTickets",
       (SELECT count(*)::int FROM sla_clocks WHERE tenant_id = $1 AND kind = $3 AND warned_at IS NOT NULL)
         AS "warnedClocks",
       (SELECT count(*)::int FROM ticket_events e WHERE e.tenant_id = $1 AND e.type = $2 AND NOT EXISTS (
          SELECT 1 FROM timers t WHERE t.tenant_id = e.tenant_id AND t.kind = 'sla-warning'
            AND t.subject = e.ticket_id::text || '_' || $3 AND t.status = 'fired')) AS "orphans"`,
    [tenantId, SLA_EVENT_TYPE, SLA_CLOCK_KIND],
  );
  const r = rows[0];
  if (!r) throw new Error("sla exactly-once query returned no row");
  const ok =
    r.timers === expected &&
    r.fired === expected &&
    r.events === expected &&
    r.eventTickets === expected &&
    r.warnedClocks === expected &&
    r.orphans === 0;
  return { ...r, ok };
}
