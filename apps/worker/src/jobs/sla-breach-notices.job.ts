import type { Tx } from "@atende/db";
import {
  affectedCustomers,
  groupRecipients,
  loadTicketVars,
  queueEmail,
  queueStaffEmail,
  ticketStaffRecipients,
  uniqueRecipients,
  usersRecipients,
  type TicketForVars,
  type TicketJobDeps,
} from "@atende/desk";
import { clockLabel, formatEmailDate, periodicUpdateMessage, type ClockKind } from "@atende/domain";

export type BreachedTicket = TicketForVars & {
  groupId: string | null;
  requesterEmail: string | null;
  resolvedAt: Date | null;
};

/**
 * Tells the staff working the ticket (the assignee, else the group's members); a missed follow-up report goes to
 * the whole group (and the assignee) as "failure report due" instead. Returns how many people were addressed.
 */
export async function notifyBreach(
  tx: Tx,
  deps: Pick<TicketJobDeps, "log" | "publicUrl">,
  ticket: BreachedTicket,
  clock: { kind: ClockKind; dueAt: Date },
): Promise<number> {
  const { tenantId } = ticket;
  const ticketVars = await loadTicketVars(tx, ticket, { publicUrl: deps.publicUrl, audience: "staff" });
  const dueAt = formatEmailDate(clock.dueAt);
  const followUp = clock.kind === "follow_up";
  const to = followUp
    ? uniqueRecipients([
        await usersRecipients(tx, tenantId, [ticket.assigneeId]),
        await groupRecipients(tx, tenantId, ticket.groupId),
      ])
    : await ticketStaffRecipients(tx, tenantId, ticket);
  const notified = followUp
    ? await queueStaffEmail(tx, {
        tenantId,
        event: "ticket.failure_report_due",
        to,
        vars: (locale) => ({
          ...ticketVars(locale),
          resolvedAt: ticket.resolvedAt ? formatEmailDate(ticket.resolvedAt) : "",
          dueAt,
        }),
      })
    : await queueStaffEmail(tx, {
        tenantId,
        event: "ticket.breached",
        to,
        vars: (locale) => ({ ...ticketVars(locale), target: clockLabel(clock.kind, locale), dueAt }),
      });
  if (notified === 0) {
    deps.log.warn(
      { tenantId, ticketId: ticket.id, clock: clock.kind },
      "SLA breach notified nobody: no assignee and no group member to write to",
    );
  }
  return notified;
}

/**
 * The automatic update seed 004 promises the customers a high incident affects: its requester and the requesters of the
 * tickets filed as its duplicates, caused by it or blocked by it, one e-mail each (no customer sees another's address).
 * Each is written about their own ticket, the one they can open in the portal, with the incident's progress as the
 * message. Returns how many customers were written to.
 */
export async function sendPeriodicUpdate(
  tx: Tx,
  publicUrl: string,
  incident: BreachedTicket,
  nextUpdateAt: Date | null,
): Promise<number> {
  let sent = 0;
  for (const customer of await affectedCustomers(tx, incident.tenantId, incident)) {
    const own =
      customer.ticketId === incident.id
        ? incident
        : await tx.ticket.findFirst({ where: { tenantId: incident.tenantId, id: customer.ticketId } });
    if (!own) continue;
    const ticketVars = await loadTicketVars(tx, own, { publicUrl, audience: "customer" });
    const queued = await queueEmail(tx, {
      tenantId: incident.tenantId,
      event: "ticket.periodic_update",
      locale: customer.locale,
      to: customer.email,
      vars: {
        ...ticketVars(customer.locale),
        message: periodicUpdateMessage(incident.status, customer.locale),
        nextUpdateAt: nextUpdateAt ? formatEmailDate(nextUpdateAt) : "",
      },
    });
    if (queued) sent += 1;
  }
  return sent;
}
