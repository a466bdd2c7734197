import {
  afterTicketChange,
  deskSettingsFor,
  lockTicket,
  recordTicketEvent,
  replanSla,
  SYSTEM_ACTOR,
  TIMER_SKEW_MS,
  type TicketJobDeps,
} from "@atende/desk";
import { decideTicket, type TicketStatus } from "@atende/domain";
import { scheduleTimer, type TimerHandler, type TimerRef } from "@atende/jobs";

const DAY_MS = 86_400_000;

/**
 * Closes a ticket still resolved its BU's auto-close delay after its resolution (the timer's subject is the ticket
 * id). A reopened ticket is left alone (reopening cancels the timer anyway); one resolved again later, or whose BU has
 * since lengthened the delay, so that its closing day has moved, gets the timer re-armed for that day.
 */
export function ticketAutoClose(deps: TicketJobDeps): TimerHandler {
  return async (tx, job, now, afterCommit) => {
    const { tenantId, subject: ticketId } = job;
    const ticket = await lockTicket(tx, tenantId, ticketId);
    if (!ticket || ticket.status !== "resolved") return;
    const settings = await deskSettingsFor(tx, tenantId, ticket.buId);
    const decision = decideTicket(
      {
        status: ticket.status as TicketStatus,
        resolvedAt: ticket.resolvedAt,
        pauseReason: ticket.pauseReason,
        isRequester: false,
      },
      "auto_close",
      {
        actor: "system",
        now: new Date(now.getTime() + TIMER_SKEW_MS),
        ...settings,
      },
    );
    if (!decision.ok) {
      if (decision.code !== "NOT_DUE" || !ticket.resolvedAt) return;
      const dueAt = new Date(ticket.resolvedAt.getTime() + settings.autoCloseDays * DAY_MS);
      const ref = await scheduleTimer(tx, { tenantId, kind: "ticket-auto-close", subject: ticketId, dueAt });
      afterTicketChange(afterCommit, deps, { tenantId, ticketId, refs: [ref] });
      return;
    }
    await tx.ticket.update({
      where: { id: ticketId },
      data: { status: decision.to, closedAt: now, version: { increment: 1 } },
    });
    await recordTicketEvent(tx, {
      tenantId,
      ticketId,
      actor: SYSTEM_ACTOR,
      type: "ticket.auto_closed",
      data: { from: ticket.status, to: decision.to, resolvedAt: ticket.resolvedAt?.toISOString() ?? null },
      at: now,
    });
    const refs: TimerRef[] = await replanSla(tx, tenantId, ticketId, now);
    afterTicketChange(afterCommit, deps, { tenantId, ticketId, refs });
  };
}
