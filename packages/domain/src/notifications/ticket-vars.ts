import { NAV_ITEMS } from "../tenancy/navigation";
import type { TicketVariable } from "./notification-events";
import { priorityLabel, ticketStatusLabel } from "./notification-labels";

/** Who reads the e-mail: customers follow a ticket in the portal, staff work it from the queue. */
export type TicketAudience = "customer" | "staff";

const TICKET_SCREENS: Record<TicketAudience, string> = { customer: "portal.tickets", staff: "operator.queue" };

/** The web page of a ticket for its audience, as an absolute address under the app's public URL. */
export function ticketLink(publicUrl: string, audience: TicketAudience, ticketId: string): string {
  const list = NAV_ITEMS.find((item) => item.key === TICKET_SCREENS[audience])?.path ?? "/portal/tickets";
  return `${publicUrl.replace(/\/+$/, "")}${list}/${encodeURIComponent(ticketId)}`;
}

export type TicketVarsInput = {
  /** `number` may be the creation's slot token, which the database replaces with the case number after rendering. */
  ticket: { id: string; number: number | string | null; subject: string; status: string; priority: string };
  /** The e-mail's locale: the status and priority are written in its language. */
  locale: string;
  publicUrl: string;
  audience: TicketAudience;
  /** The requester's name; null when the ticket only has an e-mail address. */
  customerName: string | null;
  /** The agent acting or, for the system's notices, the assignee; null when nobody is. */
  agentName: string | null;
};

/** The variables every ticket event's template receives (TICKET_VARIABLES), as text. */
export function ticketNotificationVars(input: TicketVarsInput): Record<TicketVariable, string> {
  const { ticket } = input;
  return {
    customerName: input.customerName ?? "",
    ticketNumber: ticket.number === null ? "" : String(ticket.number),
    ticketSubject: ticket.subject,
    ticketStatus: ticketStatusLabel(ticket.status, input.locale),
    priority: priorityLabel(ticket.priority, input.locale),
    ticketLink: ticketLink(input.publicUrl, input.audience, ticket.id),
    agentName: input.agentName ?? "",
  };
}
