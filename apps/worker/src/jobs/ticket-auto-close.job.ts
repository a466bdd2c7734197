import {
  afterTicketChange,
  AUTO_CLOSE_DAYS,
  lockTicket,
  recordTicketEvent,
  REOPEN_WINDOW_DAYS,
  replanSla,
  SYSTEM_ACTOR,
  TIMER_SKEW_MS,
  type TicketJobDeps,
} from "@atende/desk";
import { decideTicket, type TicketStatus } from "@atende/domain";
import { scheduleTimer, type TimerHandler, type TimerRef } from "@atende/jobs";

const DAY_MS = 86_400_000;

/**
 * Closes a ticket still resolved AUTO_CLOSE_DAYS after its resolution (the timer's subject is the ticket id). A
 * reopened ticket is left alone (reopening cancels the timer anyway); one resolved again later, whose closing day
 * has therefore moved, gets the timer re-armed for that day.
 */
export function ticketAutoClose(deps: TicketJobDeps): TimerHandler {
  return async (tx, job, now, afterCommit) => {
    const { tenantId, subject: ticketId } = job;
    const ticket = await lockTicket(tx, tenantId, ticketId);
    if (!ticket || ticket.status !== "resolved") return;
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
        reopenWindowDays: REOPEN_WINDOW_DAYS,
        autoCloseDays: AUTO_CLOSE_DAYS,
      },
    );
    if (!decision.ok) {
      if (decision.code !== "NOT_DUE" || !ticket.resolvedAt) return;
      const dueAt = new Date(ticket.resolvedAt.getTime() + AUTO_CLOSE_DAYS * DAY_MS);
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
