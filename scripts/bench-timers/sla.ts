// Data for the opt-in `sla` scenario of `pnpm bench:timers`: the production sla-warning handler, which needs an open
// ticket with a running first-response clock behind each timer to do its work (lock the ticket, mark the clock warned,
// record an sla.warning ticket event). It reads no SLA policy, group or calendar; a clock whose warn instant lies later
// than its timer would re-arm the timer instead, which the seeded clocks never do: each warn_at is its timer's due_at.
import type pg from "pg";
// @atende/desk is a dependency of the apps, not of the workspace root, so its subject format is imported by path.
import { parseClockSubject } from "../../packages/desk/src/timer-subjects";
import type { Batch, InsertedRow, TimerRows } from "./schedule";

export const SLA_CLOCK_KIND = "first_response";
export const SLA_EVENT_TYPE = "sla.warning";

/** A first-response target as a policy's targets hold it; the clock warns at 80 % of it. */
const TARGET = { name: "Bench first response", minutes: 60 };
const WARN_MINUTES = 48;

/**
 * One open ticket per timer (numbers 1..total) and its running first-response clock, as ticket creation with a
 * one-hour first-response policy leaves them; the clocks' instants are placeholders until slaWarningRows moves them
 * to the batch's schedule. `sql` is the owner's connection with app.tenant_id set to `tenantId`. Returns elapsed ms.
 */
export async function seedSlaTickets(sql: pg.Client, tenantId: string, total: number): Promise<number> {
  const start = performance.now();
  await sql.query(
    `INSERT INTO tickets (id, tenant_id, number, subject, description, channel, proposed_type, proposed_priority, type,
       priority, status, tags, next_due_at, breached, created_at, updated_at)
     SELECT gen_random_uuid(), $1::uuid, n, 'Ticket ' || n || ' printer network outage', 'Description of case ' || n,
       (ARRAY['phone','email','portal','whatsapp'])[1 + n % 4], 'incident', (ARRAY['high','medium','low'])[1 + n % 3],
       'incident', (ARRAY['high','medium','low'])[1 + n % 3], (ARRAY['new','open','in_progress'])[1 + n % 3],
       '{}', now() + interval '1 hour', false, now(), now()
     FROM generate_series(1, $2::int) AS n`,
    [tenantId, total],
  );
  await sql.query(
    `INSERT INTO sla_clocks (id, tenant_id, ticket_id, kind, target, status, started_at, due_at, warn_at, updated_at)
     SELECT gen_random_uuid(), t.tenant_id, t.id, $2, $3::jsonb, 'running', t.created_at,
       t.created_at + interval '1 minute' * $4::int, t.created_at + interval '1 minute' * $5::int, now()
     FROM tickets t WHERE t.tenant_id = $1::uuid`,
    [tenantId, SLA_CLOCK_KIND, JSON.stringify(TARGET), TARGET.minutes, WARN_MINUTES],
  );
  await sql.query("SELECT setval(app_ticket_number_sequence($1::uuid), $2)", [tenantId, total]);
  await sql.query("ANALYZE tickets");
  await sql.query("ANALYZE sla_clocks");
  return performance.now() - start;
}

/**
 * Per chunk of tickets (by number), moves each clock so that it warns when its timer is due (as a replan would) and
 * inserts that sla-warning timer under the subject the SLA planner gives it (clockSubject: "<ticket id>_<clock kind>"),
 * checked on the chunk's first timer with the handler's own parser.
 */
export const slaWarningRows: TimerRows = {
  kind: "sla-warning",
  insert: async (sql: pg.Client, batch: Batch, from: number, to: number, stepMs: number) => {
    const { rows } = await sql.query<InsertedRow>(
      `WITH c AS (
         UPDATE sla_clocks c
         SET warn_at = $2::timestamptz + ((t.number - 1) * $3::float8) * interval '1 millisecond',
           due_at = $2::timestamptz + ((t.number - 1) * $3::float8) * interval '1 millisecond'
             + interval '1 minute' * $7::int,
           started_at = $2::timestamptz + ((t.number - 1) * $3::float8) * interval '1 millisecond'
             - interval '1 minute' * $8::int,
           updated_at = now()
         FROM tickets t
         WHERE t.tenant_id = $1::uuid AND t.number BETWEEN $4::int AND $5::int
           AND c.tenant_id = $1::uuid AND c.ticket_id = t.id AND c.kind = $6
         RETURNING c.ticket_id, c.kind, c.warn_at
       )
       INSERT INTO timers (id, tenant_id, kind, subject, due_at, generation, status, payload)
       SELECT gen_random_uuid(), $1::uuid, 'sla-warning', c.ticket_id::text || '_' || c.kind, c.warn_at, 1,
         'scheduled', '{}'
       FROM c ORDER BY c.warn_at
       RETURNING id, subject, due_at, generation`,
      [batch.tenantId, batch.firstDue, stepMs, from, to, SLA_CLOCK_KIND, TARGET.minutes - WARN_MINUTES, WARN_MINUTES],
    );
    const first = rows[0];
    if (first) await expectClockFor(sql, batch.tenantId, first.subject);
    if (rows.length !== to - from + 1)
      throw new Error(`expected ${to - from + 1} sla-warning timers, got ${rows.length}`);
    return rows;
  },
};

/** The handler parses the subject into a ticket and a clock kind and returns early when it finds no such clock. */
async function expectClockFor(sql: pg.Client, tenantId: string, subject: string): Promise<void> {
  const { ticketId, kind } = parseClockSubject(subject);
  const { rows } = await sql.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM sla_clocks WHERE tenant_id = $1 AND ticket_id::text = $2 AND kind = $3",
    [tenantId, ticketId, kind],
  );
  if (rows[0]?.n !== 1) throw new Error(`sla-warning subject "${subject}" names no seeded clock`);
}
