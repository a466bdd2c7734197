import type { Tx } from "@atende/db";
import {
  affectedCustomers,
  groupRecipients,
  queueEmail,
  queueStaffEmail,
  ticketStaffRecipients,
  ticketVars,
  uniqueRecipients,
  usersRecipients,
} from "@atende/desk";
import type { ClockKind } from "@atende/domain";
import type { JobsLog } from "@atende/jobs";

export type BreachedTicket = {
  id: string;
  tenantId: string;
  number: number | null;
  subject: string;
  priority: string;
  status: string;
  assigneeId: string | null;
  groupId: string | null;
  requesterEmail: string | null;
  requesterUserId: string | null;
};

/**
 * Tells the staff working the ticket (the assignee, else the group's members); a missed follow-up report goes to
 * the whole group (and the assignee) as "failure report due" instead. Returns how many people were addressed.
 */
export async function notifyBreach(
  tx: Tx,
  log: JobsLog,
  ticket: BreachedTicket,
  clock: { kind: ClockKind; dueAt: Date },
): Promise<number> {
  const { tenantId } = ticket;
  const vars = { ...ticketVars(ticket), clock: clock.kind, dueAt: clock.dueAt.toISOString() };
  const followUp = clock.kind === "follow_up";
  const to = followUp
    ? uniqueRecipients([
        await usersRecipients(tx, tenantId, [ticket.assigneeId]),
        await groupRecipients(tx, tenantId, ticket.groupId),
      ])
    : await ticketStaffRecipients(tx, tenantId, ticket);
  const event = followUp ? "ticket.failure_report_due" : "ticket.breached";
  const notified = await queueStaffEmail(tx, { tenantId, event, to, vars });
  if (notified === 0) {
    log.warn(
      { tenantId, ticketId: ticket.id, clock: clock.kind },
      "SLA breach notified nobody: no assignee and no group member to write to",
    );
  }
  return notified;
}

/**
 * The automatic update seed 004 promises the customers a high incident affects: its requester and the requesters of the
 * tickets filed as its duplicates, caused by it or blocked by it, one e-mail each (no customer sees another's address).
 * Returns how many customers were written to.
 */
export async function sendPeriodicUpdate(tx: Tx, ticket: BreachedTicket): Promise<number> {
  let sent = 0;
  for (const customer of await affectedCustomers(tx, ticket.tenantId, ticket)) {
    const queued = await queueEmail(tx, {
      tenantId: ticket.tenantId,
      event: "ticket.periodic_update",
      locale: customer.locale,
      to: customer.email,
      vars: ticketVars(ticket),
    });
    if (queued) sent += 1;
  }
  return sent;
}
