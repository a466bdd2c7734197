import {
  loadTicketVars,
  notificationLocale,
  queueEmail,
  type NotificationVars,
  type TicketForVars,
} from "@atende/desk";
import type { Tx } from "@atende/db";
import type { NotificationEvent } from "@atende/domain";
import type { RequestContext } from "../../context";
import { ticketScope } from "./ticket-access";

export type RequesterTicket = TicketForVars & { buId: string | null; requesterEmail: string | null };

/** What a request's e-mails about one ticket share: the ticket as it will stand, the app's address, the agent. */
export type TicketMail = { ticket: RequesterTicket; publicUrl: string; agentName: string | null };

/** The name an e-mail signs with when a person working the desk acts; customers and API tokens are not agents. */
export function actingAgentName(ctx: RequestContext): string | null {
  return ticketScope(ctx).kind === "staff" && ctx.principal.kind === "user" ? ctx.principal.name : null;
}

/**
 * Queues one of a ticket's e-mails to its requester in the language of the ticket's BU: the variables every ticket
 * event receives plus the event's own. False when the ticket has no requester address.
 */
export async function queueRequesterEmail(
  tx: Tx,
  mail: TicketMail,
  event: NotificationEvent,
  extra: NotificationVars,
): Promise<boolean> {
  const { ticket } = mail;
  if (!ticket.requesterEmail) return false;
  const locale = await notificationLocale(tx, ticket.tenantId, ticket.buId);
  const vars = await loadTicketVars(tx, ticket, {
    publicUrl: mail.publicUrl,
    audience: "customer",
    agentName: mail.agentName,
  });
  return queueEmail(tx, {
    tenantId: ticket.tenantId,
    event,
    locale,
    to: ticket.requesterEmail,
    vars: { ...vars(locale), ...extra },
  });
}
