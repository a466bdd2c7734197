import type { Tx } from "@atende/db";
import {
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

/** Customers without an account of their own get the locale the API writes to them in. */
const CUSTOMER_LOCALE = "es";

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

/** The automatic update seed 004 promises affected customers of a high incident; false without an address. */
export async function sendPeriodicUpdate(tx: Tx, ticket: BreachedTicket): Promise<boolean> {
  if (!ticket.requesterEmail) return false;
  const [account] = await usersRecipients(tx, ticket.tenantId, [ticket.requesterUserId]);
  return queueEmail(tx, {
    tenantId: ticket.tenantId,
    event: "ticket.periodic_update",
    locale: account?.locale ?? CUSTOMER_LOCALE,
    to: ticket.requesterEmail,
    vars: ticketVars(ticket),
  });
}
