import { randomUUID } from "node:crypto";
import type { Tx } from "@atende/db";

/** Gives the ticket the tenant's next case number, from its sequence (decision 0016). */
export async function assignTicketNumber(tx: Tx, tenantId: string, ticketId: string): Promise<number> {
  const rows = await tx.$queryRaw<
    Array<{ number: bigint }>
  >`SELECT app_next_ticket_number(${tenantId}::uuid) AS number`;
  const number = Number(rows[0]!.number);
  await tx.ticket.update({ where: { id: ticketId }, data: { number } });
  return number;
}

/**
 * A placeholder for a case number that does not exist yet: ticket creation renders its e-mails and automatic reply with
 * it, and app_file_ticket puts the number in its place once taken (decision 0016). Drawn per request, after the input
 * arrived, so no text a requester writes can contain it; letters, digits and dashes only, so it survives JSON encoding.
 */
export function newNumberSlot(): string {
  // randomUUID draws from a pooled buffer of entropy; randomBytes per call showed in creation's profile.
  return `case-number-${randomUUID()}`;
}
