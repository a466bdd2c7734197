import { poolOf, type Db, type Tx } from "@atende/db";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes the tenant's next case number in a transaction of its own that commits without waiting for the WAL flush, for
 * the hot creation path: the counter row is locked for microseconds instead of across a creation's commit, whose flush
 * (1–2 ms on our VM) otherwise serialises every creation of the tenant. Uniqueness survives a crash: the creation that
 * uses the number commits synchronously, and its flush writes the WAL up to and past this bump. The price is a gap when
 * a creation fails after taking its number, so callers take it after their validation, just before their last write.
 */
export async function takeTicketNumber(db: Db, tenantId: string): Promise<number> {
  // Interpolated (a multi-statement simple query takes no parameters): only a well-formed id gets there.
  if (!UUID.test(tenantId)) throw new Error("takeTicketNumber needs a tenant id that is a UUID");
  const results = (await poolOf(db).query(
    `BEGIN; SET LOCAL synchronous_commit TO off; SELECT set_config('app.tenant_id', '${tenantId}', true);
     INSERT INTO ticket_counters (tenant_id, last_number) VALUES ('${tenantId}', 1)
     ON CONFLICT (tenant_id) DO UPDATE SET last_number = ticket_counters.last_number + 1 RETURNING last_number;
     COMMIT`,
  )) as unknown as Array<{ rows: Array<{ last_number?: number }> }>;
  const number = results[3]?.rows[0]?.last_number;
  if (typeof number !== "number") throw new Error("takeTicketNumber: the counter returned no number");
  return number;
}
