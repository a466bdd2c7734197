import type { Tx } from "@atende/db";

/**
 * Gives the ticket the tenant's next case number. Run it as the creating transaction's last statement: the per-tenant
 * counter row stays locked until commit.
 */
export async function assignTicketNumber(tx: Tx, tenantId: string, ticketId: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ last_number: number }>>`
    INSERT INTO ticket_counters (tenant_id, last_number) VALUES (${tenantId}::uuid, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET last_number = ticket_counters.last_number + 1
    RETURNING last_number`;
  const number = rows[0]!.last_number;
  await tx.ticket.update({ where: { id: ticketId }, data: { number } });
  return number;
}
