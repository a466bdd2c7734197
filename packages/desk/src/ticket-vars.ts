import type { NotificationVars } from "./notify";

/** Template variables every ticket notification can use. */
export function ticketVars(ticket: {
  number: number | null;
  subject: string;
  priority: string;
  status: string;
}): NotificationVars {
  return { ticketNumber: ticket.number, subject: ticket.subject, priority: ticket.priority, status: ticket.status };
}
