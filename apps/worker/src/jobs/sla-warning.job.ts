import {
  afterTicketChange,
  lockTicket,
  parseClockSubject,
  recordTicketEvent,
  replanSla,
  SYSTEM_ACTOR,
  TIMER_SKEW_MS,
  type TicketJobDeps,
} from "@atende/desk";
import type { TimerHandler } from "@atende/jobs";

/**
 * Marks a running clock warned once it reaches its warning fraction. A clock that stopped, paused or was already
 * warned for its current plan is left alone; one whose warning now lies later gets its timers re-planned.
 */
export function slaWarning(deps: TicketJobDeps): TimerHandler {
  return async (tx, job, now, afterCommit) => {
    const { ticketId, kind } = parseClockSubject(job.subject);
    const ticket = await lockTicket(tx, job.tenantId, ticketId);
    if (!ticket) return;
    const clock = await tx.slaClock.findUnique({
      where: { tenantId_ticketId_kind: { tenantId: job.tenantId, ticketId, kind } },
    });
    if (!clock || clock.status !== "running" || !clock.warnAt) return;
    // A warning given before the current warn instant belongs to an earlier plan (the due instant moved since, and
    // replanSla re-armed the timer), so it does not count.
    if (clock.warnedAt && clock.warnedAt >= clock.warnAt) return;
    if (clock.warnAt.getTime() > now.getTime() + TIMER_SKEW_MS) {
      const refs = await replanSla(tx, job.tenantId, ticketId, now);
      afterTicketChange(afterCommit, deps, { tenantId: job.tenantId, ticketId, refs });
      return;
    }
    // Never before the warn instant, or the check above would take it for an earlier plan's warning.
    const warnedAt = new Date(Math.max(now.getTime(), clock.warnAt.getTime()));
    await tx.slaClock.update({ where: { id: clock.id }, data: { warnedAt } });
    await recordTicketEvent(tx, {
      tenantId: job.tenantId,
      ticketId,
      actor: SYSTEM_ACTOR,
      type: "sla.warning",
      data: { clock: kind, warnAt: clock.warnAt.toISOString(), dueAt: clock.dueAt?.toISOString() ?? null },
      at: now,
    });
    afterTicketChange(afterCommit, deps, { tenantId: job.tenantId, ticketId, refs: [] });
  };
}
