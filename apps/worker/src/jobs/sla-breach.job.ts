import type { Tx } from "@atende/db";
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
import type { TimerHandler, TimerRef } from "@atende/jobs";
import { notifyBreach, sendPeriodicUpdate, type BreachedTicket } from "./sla-breach-notices.job";

/**
 * Records the breach of a clock still running at its due instant: marks clock and ticket, notifies, and re-plans,
 * which schedules the escalation levels counted from the breach. A clock that stopped, paused or moved since the
 * timer was set is not breached; one now due later gets its timers re-planned.
 *
 * periodic_update is a recurring clock: its breach sends the customer the automatic update and starts the next cycle
 * (lastPublicUpdateAt = breach instant), so the clock row runs again while the missed cycle stays in the history
 * (event sla.breached) and on the ticket (breached flag). A restarted periodic clock is not a breached clock, so it
 * does not count as the breach instant from which escalation levels run.
 */
export function slaBreach(deps: TicketJobDeps): TimerHandler {
  return async (tx, job, now, afterCommit) => {
    const { tenantId } = job;
    const { ticketId, kind } = parseClockSubject(job.subject);
    const ticket = await lockTicket(tx, tenantId, ticketId);
    if (!ticket) return;
    const clock = await tx.slaClock.findUnique({ where: { tenantId_ticketId_kind: { tenantId, ticketId, kind } } });
    if (!clock || clock.status !== "running" || !clock.dueAt) return;
    if (clock.dueAt.getTime() > now.getTime() + TIMER_SKEW_MS) {
      afterTicketChange(afterCommit, deps, { tenantId, ticketId, refs: await replanSla(tx, tenantId, ticketId, now) });
      return;
    }
    // Never before the due instant, even when this worker's clock runs slightly behind the one that planned it.
    const at = new Date(Math.max(now.getTime(), clock.dueAt.getTime()));
    await tx.slaClock.update({ where: { id: clock.id }, data: { status: "breached", breachedAt: at } });
    await tx.ticket.update({ where: { id: ticketId }, data: { breached: true } });
    const notified = await notifyBreach(tx, deps, ticket, { kind, dueAt: clock.dueAt });
    await recordTicketEvent(tx, {
      tenantId,
      ticketId,
      actor: SYSTEM_ACTOR,
      type: "sla.breached",
      data: { clock: kind, dueAt: clock.dueAt.toISOString(), notified },
      at,
    });
    const refs =
      kind === "periodic_update"
        ? await restartPeriodicUpdates(tx, deps.publicUrl, ticket, clock.id, at)
        : await replanSla(tx, tenantId, ticketId, at);
    afterTicketChange(afterCommit, deps, { tenantId, ticketId, refs });
  };
}

/** Starts the next cycle, then writes the update, which tells the customers when that cycle is due. */
async function restartPeriodicUpdates(
  tx: Tx,
  publicUrl: string,
  ticket: BreachedTicket,
  clockId: string,
  at: Date,
): Promise<TimerRef[]> {
  await tx.ticket.update({ where: { id: ticket.id }, data: { lastPublicUpdateAt: at } });
  // The next cycle gets its own warning; replanSla leaves warnedAt as it was.
  await tx.slaClock.update({ where: { id: clockId }, data: { warnedAt: null } });
  const refs = await replanSla(tx, ticket.tenantId, ticket.id, at);
  const next = await tx.slaClock.findUnique({
    where: { tenantId_ticketId_kind: { tenantId: ticket.tenantId, ticketId: ticket.id, kind: "periodic_update" } },
    select: { dueAt: true },
  });
  const customersNotified = await sendPeriodicUpdate(tx, publicUrl, ticket, next?.dueAt ?? null);
  await recordTicketEvent(tx, {
    tenantId: ticket.tenantId,
    ticketId: ticket.id,
    actor: SYSTEM_ACTOR,
    type: "sla.periodic_update_sent",
    data: { customerNotified: customersNotified > 0, customersNotified },
    at,
  });
  return refs;
}
