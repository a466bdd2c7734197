import type { Tx } from "@atende/db";
import {
  groupRecipients,
  isUuid,
  loadTicketVars,
  queueStaffEmail,
  ticketStaffRecipients,
  uniqueRecipients,
  usersRecipients,
} from "@atende/desk";
import { raisePriority, type EscalationLevel, type PriorityLevel } from "@atende/domain";

/** The fields escalation may change, as they stand after the levels applied so far. */
export type EscalatedState = { groupId: string | null; assigneeId: string | null; priority: string };

export type EscalatedTicket = EscalatedState & {
  id: string;
  tenantId: string;
  number: number | null;
  subject: string;
  status: string;
  requesterCustomerId: string | null;
  requesterUserId: string | null;
};

export type LevelOutcome = {
  state: EscalatedState;
  notified: number;
  changes: Record<string, { from: unknown; to: unknown }>;
};

/** Reassignment and priority first, so the notice reports where the ticket now stands. */
export async function applyEscalationLevel(
  tx: Tx,
  ticket: EscalatedTicket,
  state: EscalatedState,
  level: EscalationLevel,
  priorities: readonly PriorityLevel[],
  publicUrl: string,
): Promise<LevelOutcome> {
  let next = { ...state };
  if (level.actions.includes("reassign")) next = await reassign(tx, ticket.tenantId, next, level);
  if (level.actions.includes("raise_priority")) next = { ...next, priority: raisePriority(priorities, next.priority) };
  const notified = level.actions.includes("notify") ? await notify(tx, { ...ticket, ...next }, level, publicUrl) : 0;
  return { state: next, notified, changes: diff(state, next) };
}

/**
 * Moves the ticket to the level's group and/or user; targets that no longer exist are ignored. An assignee who is
 * not a member of the new group leaves with the old one, so the new group picks the ticket up.
 */
async function reassign(
  tx: Tx,
  tenantId: string,
  state: EscalatedState,
  level: EscalationLevel,
): Promise<EscalatedState> {
  const next = { ...state };
  const groupId = level.targetGroupId;
  if (isUuid(groupId) && (await tx.group.count({ where: { tenantId, id: groupId } })) === 1) {
    next.groupId = groupId;
    const stays =
      next.assigneeId !== null &&
      (await tx.groupMember.count({ where: { tenantId, groupId, userId: next.assigneeId } })) === 1;
    if (!stays) next.assigneeId = null;
  }
  const userId = level.targetUserId;
  if (isUuid(userId) && (await tx.user.count({ where: { tenantId, id: userId, status: "active" } })) === 1) {
    next.assigneeId = userId;
  }
  return next;
}

/** The level's targets; a level without (existing) targets tells whoever works the ticket now. */
async function notify(tx: Tx, ticket: EscalatedTicket, level: EscalationLevel, publicUrl: string): Promise<number> {
  const { tenantId } = ticket;
  const targets = uniqueRecipients([
    await usersRecipients(tx, tenantId, [level.targetUserId]),
    await groupRecipients(tx, tenantId, level.targetGroupId),
  ]);
  const to = targets.length > 0 ? targets : await ticketStaffRecipients(tx, tenantId, ticket);
  const ticketVars = await loadTicketVars(tx, ticket, { publicUrl, audience: "staff" });
  const vars = (locale: string) => ({
    ...ticketVars(locale),
    escalationLevel: level.level,
    escalationLabel: level.label,
  });
  return queueStaffEmail(tx, { tenantId, event: "ticket.escalated", to, vars });
}

function diff(before: EscalatedState, after: EscalatedState): LevelOutcome["changes"] {
  const changes: LevelOutcome["changes"] = {};
  for (const key of ["groupId", "assigneeId", "priority"] as const) {
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
