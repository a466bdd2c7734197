import type { Tx } from "@atende/db";
import {
  afterTicketChange,
  isUuid,
  loadPolicies,
  loadPriorityLevels,
  lockTicket,
  parseEscalationSubject,
  recordTicketEvent,
  replanSla,
  SYSTEM_ACTOR,
  TIMER_SKEW_MS,
  type TicketJobDeps,
} from "@atende/desk";
import {
  escalationDueAt,
  matchPolicy,
  nextEscalation,
  RESOLVED_STATUSES,
  type EscalationLevel,
  type TicketStatus,
} from "@atende/domain";
import type { TimerHandler } from "@atende/jobs";
import { applyEscalationLevel, type EscalatedState, type EscalatedTicket } from "./sla-escalation-actions.job";

/**
 * Escalates a ticket not yet restored to the timer's level, under the policy that matches it now. Levels are applied
 * in order and never twice (escalationLevel only grows): a run applies every level due above the current one (a late
 * or out-of-order run catches up), and a level waiting on a lower one that is not due yet is applied with it later.
 */
export function slaEscalation(deps: TicketJobDeps): TimerHandler {
  return async (tx, job, now, afterCommit) => {
    const { tenantId } = job;
    const { ticketId, level } = parseEscalationSubject(job.subject);
    const ticket = await lockTicket(tx, tenantId, ticketId);
    if (!ticket || ticket.escalationLevel >= level) return;
    if (RESOLVED_STATUSES.includes(ticket.status as TicketStatus)) return;
    const policy = matchPolicy(await loadPolicies(tx, tenantId), {
      buId: ticket.buId,
      type: ticket.type,
      priority: ticket.priority,
      channel: ticket.channel,
      tier: ticket.organisationTier,
      catalogueItemId: ticket.catalogueItemId,
    });
    const levels = policy?.escalation ?? [];
    const own = levels.find((l) => l.level === level);
    if (!own) return;
    const times = { createdAt: ticket.createdAt, breachedAt: await firstBreach(tx, tenantId, ticketId) };
    const dueAt = escalationDueAt(own, times);
    const skewed = new Date(now.getTime() + TIMER_SKEW_MS);
    if (!dueAt || dueAt > skewed) {
      afterTicketChange(afterCommit, deps, { tenantId, ticketId, refs: await replanSla(tx, tenantId, ticketId, now) });
      return;
    }
    const { due } = nextEscalation(levels, {
      ...times,
      currentLevel: ticket.escalationLevel,
      now: skewed,
      restored: false,
    });
    if (due.length === 0) return;
    await escalate(tx, ticket, due, now, deps.publicUrl);
    afterTicketChange(afterCommit, deps, { tenantId, ticketId, refs: await replanSla(tx, tenantId, ticketId, now) });
  };
}

async function escalate(
  tx: Tx,
  ticket: EscalatedTicket,
  levels: EscalationLevel[],
  now: Date,
  publicUrl: string,
): Promise<void> {
  const { tenantId, id: ticketId } = ticket;
  const priorities = await loadPriorityLevels(tx, tenantId);
  let state: EscalatedState = { groupId: ticket.groupId, assigneeId: ticket.assigneeId, priority: ticket.priority };
  for (const level of levels) {
    const outcome = await applyEscalationLevel(tx, ticket, state, level, priorities, publicUrl);
    state = outcome.state;
    await tx.ticketEscalation.create({
      data: {
        tenantId,
        ticketId,
        level: level.level,
        label: level.label,
        actions: level.actions,
        targetUserId: isUuid(level.targetUserId) ? level.targetUserId : null,
        targetGroupId: isUuid(level.targetGroupId) ? level.targetGroupId : null,
        at: now,
      },
    });
    await recordTicketEvent(tx, {
      tenantId,
      ticketId,
      actor: SYSTEM_ACTOR,
      type: "sla.escalated",
      data: {
        level: level.level,
        label: level.label,
        actions: level.actions,
        changes: outcome.changes,
        notified: outcome.notified,
      },
      at: now,
    });
  }
  const reached = Math.max(...levels.map((l) => l.level));
  // A version bump makes an agent's form opened before the escalation refetch instead of overwriting it.
  await tx.ticket.update({
    where: { id: ticketId },
    data: { ...state, escalationLevel: reached, version: { increment: 1 } },
  });
}

/** The breach instant escalation levels count from, as replanSla reads it: the earliest due of a breached clock. */
async function firstBreach(tx: Tx, tenantId: string, ticketId: string): Promise<Date | null> {
  const first = await tx.slaClock.findFirst({
    where: { tenantId, ticketId, status: "breached", dueAt: { not: null } },
    orderBy: { dueAt: "asc" },
    select: { dueAt: true },
  });
  return first?.dueAt ?? null;
}
