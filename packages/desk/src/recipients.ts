import type { Tx } from "@atende/db";
import { AFFECTING_LINKS, affectedTicketIds } from "@atende/domain";
import { queueEmail, type NotificationVars } from "./notify";

export type Recipient = { email: string; locale: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from JSON columns or timer subjects may be anything; a non-uuid in a uuid comparison aborts the transaction. */
export const isUuid = (value: string | null | undefined): value is string =>
  typeof value === "string" && UUID.test(value);

/** Active users among `userIds` (unknown or malformed ids are skipped). */
export async function usersRecipients(
  tx: Tx,
  tenantId: string,
  userIds: Array<string | null | undefined>,
): Promise<Recipient[]> {
  const ids = [...new Set(userIds.filter(isUuid))];
  if (ids.length === 0) return [];
  return tx.user.findMany({
    where: { tenantId, id: { in: ids }, status: "active" },
    select: { email: true, locale: true },
    orderBy: { email: "asc" },
  });
}

/** Active members of a group; none when the group is unknown. */
export async function groupRecipients(
  tx: Tx,
  tenantId: string,
  groupId: string | null | undefined,
): Promise<Recipient[]> {
  if (!isUuid(groupId)) return [];
  const members = await tx.groupMember.findMany({ where: { tenantId, groupId }, select: { userId: true } });
  return usersRecipients(
    tx,
    tenantId,
    members.map((m) => m.userId),
  );
}

/** The people working a ticket: its assignee, or the members of its group while nobody is assigned. */
export async function ticketStaffRecipients(
  tx: Tx,
  tenantId: string,
  ticket: { assigneeId: string | null; groupId: string | null },
): Promise<Recipient[]> {
  const assignee = await usersRecipients(tx, tenantId, [ticket.assigneeId]);
  return assignee.length > 0 ? assignee : groupRecipients(tx, tenantId, ticket.groupId);
}

export function uniqueRecipients<R extends Recipient>(lists: R[][]): R[] {
  const byEmail = new Map<string, R>();
  for (const r of lists.flat()) if (!byEmail.has(r.email.toLowerCase())) byEmail.set(r.email.toLowerCase(), r);
  return [...byEmail.values()];
}

/**
 * One outbox e-mail per locale, so each recipient reads the template in their own language; `vars` given per locale
 * writes labels and statuses in it too. Returns how many were addressed.
 */
export async function queueStaffEmail(
  tx: Tx,
  input: {
    tenantId: string;
    event: string;
    to: Recipient[];
    vars: NotificationVars | ((locale: string) => NotificationVars);
  },
): Promise<number> {
  const byLocale = new Map<string, string[]>();
  for (const r of uniqueRecipients([input.to])) byLocale.set(r.locale, [...(byLocale.get(r.locale) ?? []), r.email]);
  let addressed = 0;
  for (const [locale, to] of byLocale) {
    const vars = typeof input.vars === "function" ? input.vars(locale) : input.vars;
    // The outbox payload accepts at most 50 addresses per message.
    for (let i = 0; i < to.length; i += 50) {
      const chunk = to.slice(i, i + 50);
      if (await queueEmail(tx, { tenantId: input.tenantId, event: input.event, locale, to: chunk, vars }))
        addressed += chunk.length;
    }
  }
  return addressed;
}

/** Customers without an account of their own are written to in the language the desk's customers mostly speak. */
export const CUSTOMER_LOCALE = "es";

/** A customer written to about an incident, with the ticket of theirs it affects (the incident for its requester). */
export type AffectedCustomer = Recipient & { ticketId: string };

/**
 * The customers a major incident affects: its requester and the requesters of the tickets its links name as affected
 * (AFFECTING_LINKS), each once, in their account's language.
 */
export async function affectedCustomers(
  tx: Tx,
  tenantId: string,
  incident: { id: string; requesterEmail: string | null; requesterUserId: string | null },
): Promise<AffectedCustomer[]> {
  const links = await tx.ticketLink.findMany({
    where: {
      tenantId,
      targetType: "ticket",
      OR: [
        { targetId: incident.id, relation: { in: [...AFFECTING_LINKS.toIncident] } },
        { ticketId: incident.id, relation: { in: [...AFFECTING_LINKS.fromIncident] } },
      ],
    },
    select: { ticketId: true, targetType: true, targetId: true, relation: true },
  });
  const ids = affectedTicketIds(incident.id, links).filter(isUuid);
  const affected = ids.length
    ? await tx.ticket.findMany({
        where: { tenantId, id: { in: ids } },
        select: { id: true, requesterEmail: true, requesterUserId: true },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const requesters = [incident, ...affected].filter((t) => t.requesterEmail);
  const accounts = await tx.user.findMany({
    where: { tenantId, id: { in: requesters.map((r) => r.requesterUserId).filter(isUuid) } },
    select: { id: true, locale: true },
  });
  const localeOf = new Map(accounts.map((a) => [a.id, a.locale]));
  return uniqueRecipients([
    requesters.map((r) => ({
      ticketId: r.id,
      email: r.requesterEmail!,
      locale: (r.requesterUserId && localeOf.get(r.requesterUserId)) || CUSTOMER_LOCALE,
    })),
  ]);
}
