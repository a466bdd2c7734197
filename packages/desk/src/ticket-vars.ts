import type { Tx } from "@atende/db";
import { ticketNotificationVars, type TicketAudience } from "@atende/domain";
import type { NotificationVars } from "./notify";

/** The ticket columns its e-mails are written from. */
export type TicketForVars = {
  id: string;
  tenantId: string;
  number: number | null;
  subject: string;
  status: string;
  priority: string;
  requesterCustomerId: string | null;
  requesterUserId: string | null;
  assigneeId: string | null;
};

/** A ticket's common template variables, with its status and priority in the language of the locale given. */
export type TicketVarsFor = (locale: string) => NotificationVars;

/** The requester's name: their customer record's, else their account's; null for a bare e-mail address. */
export async function findRequesterName(
  tx: Tx,
  tenantId: string,
  ticket: { requesterCustomerId: string | null; requesterUserId: string | null },
): Promise<string | null> {
  if (ticket.requesterCustomerId) {
    const customer = await tx.customer.findFirst({
      where: { tenantId, id: ticket.requesterCustomerId },
      select: { name: true },
    });
    if (customer) return customer.name;
  }
  return userName(tx, tenantId, ticket.requesterUserId);
}

async function userName(tx: Tx, tenantId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await tx.user.findFirst({ where: { tenantId, id: userId }, select: { name: true } });
  return user?.name ?? null;
}

/**
 * Reads the names a ticket's e-mails carry: the requester's and the agent's, which is the one acting when given
 * (a reply, a resolution) and otherwise the assignee (the system's notices).
 */
export async function loadTicketVars(
  tx: Tx,
  ticket: TicketForVars,
  options: { publicUrl: string; audience: TicketAudience; agentName?: string | null },
): Promise<TicketVarsFor> {
  const customerName = await findRequesterName(tx, ticket.tenantId, ticket);
  const agentName = options.agentName ? options.agentName : await userName(tx, ticket.tenantId, ticket.assigneeId);
  return (locale) =>
    ticketNotificationVars({
      ticket,
      locale,
      publicUrl: options.publicUrl,
      audience: options.audience,
      customerName,
      agentName,
    });
}
