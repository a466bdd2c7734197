import {
  afterTicketChange,
  isUuid,
  parseClockSubject,
  SYSTEM_ACTOR,
  TICKET_LOCK_TIMEOUT,
  warningVerdict,
  type TicketJobDeps,
  type WarnableClock,
} from "@atende/desk";
import { PrismaNamespace } from "@atende/db";
import { rescheduleClaimedTimerRaw, type RawTimerHandler } from "@atende/jobs";

const { sql } = PrismaNamespace;

type LockedClock = WarnableClock & { id: string; dueAt: Date | null };

/**
 * Marks a running clock warned once it reaches its warning fraction (rules: warningVerdict). Raw SQL, so warnings
 * due together share a transaction and a claim (decision 0014): through the ORM one warning cost the worker ~15 ms of
 * CPU, and a burst of 10,000 in a minute fired up to 81 s late.
 */
export function slaWarning(deps: TicketJobDeps): RawTimerHandler {
  return {
    raw: true,
    run: async (query, job, now, afterCommit) => {
      const { ticketId, kind } = parseClockSubject(job.subject);
      if (!isUuid(ticketId)) return;
      const [clock] = await query<LockedClock>(sql`
        SELECT id, status, warn_at AS "warnAt", warned_at AS "warnedAt", due_at AS "dueAt"
        FROM app_lock_ticket_clock(${job.tenantId}::uuid, ${ticketId}::uuid, ${kind}, ${TICKET_LOCK_TIMEOUT})`);
      const verdict = warningVerdict(clock ?? null, now);
      if (verdict.action === "none" || !clock) return;
      if (verdict.action === "rearm") {
        const ref = await rescheduleClaimedTimerRaw(query, job, verdict.at);
        afterTicketChange(afterCommit, deps, { tenantId: job.tenantId, ticketId, refs: ref ? [ref] : [] });
        return;
      }
      const data = {
        clock: kind,
        warnAt: clock.warnAt?.toISOString() ?? null,
        dueAt: clock.dueAt?.toISOString() ?? null,
      };
      await query(sql`
        WITH warned AS (
          UPDATE sla_clocks SET warned_at = ${verdict.warnedAt}, updated_at = ${now}
          WHERE id = ${clock.id}::uuid
          RETURNING ticket_id
        )
        INSERT INTO ticket_events (id, tenant_id, ticket_id, at, actor_user_id, actor_label, type, data)
        SELECT app_uuidv7(), ${job.tenantId}::uuid, ticket_id, ${now}, ${SYSTEM_ACTOR.userId}::uuid,
          ${SYSTEM_ACTOR.label}, 'sla.warning', ${JSON.stringify(data)}::jsonb
        FROM warned`);
      afterTicketChange(afterCommit, deps, { tenantId: job.tenantId, ticketId, refs: [] });
    },
  };
}
