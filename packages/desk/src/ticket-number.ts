import type { Tx } from "@atende/db";
import { isUuid } from "./recipients";

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

/**
 * The statement that takes the tenant's next case number on the hot creation path, for withTenantConnection's
 * `lazyCommit`, which runs it in a transaction of its own committed without waiting for the WAL flush: the counter row is locked for
 * microseconds instead of across a creation's commit, whose flush (1–2 ms on our VM) otherwise serialises every creation
 * of the tenant. Uniqueness survives a crash: the creation that uses the number commits synchronously, and its flush
 * writes the WAL up to and past this bump. The price is a gap when a creation fails after taking its number, so callers
 * take it after their validation, just before their write (decision 0011). Read the number with ticketNumberOf.
 */
export function ticketNumberBump(tenantId: string): string {
  // Interpolated (the step travels in a multi-statement simple query, which takes no parameters).
  if (!isUuid(tenantId)) throw new Error("ticketNumberBump needs a tenant id that is a UUID");
  return `INSERT INTO ticket_counters (tenant_id, last_number) VALUES ('${tenantId}', 1)
    ON CONFLICT (tenant_id) DO UPDATE SET last_number = ticket_counters.last_number + 1 RETURNING last_number`;
}

export function ticketNumberOf(row: Record<string, unknown> | null): number {
  const number = row?.["last_number"];
  if (typeof number !== "number") throw new Error("the ticket counter returned no number");
  return number;
}
