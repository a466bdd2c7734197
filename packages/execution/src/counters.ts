import type { Tx } from "@atende/db";

/** Next consecutive per-tenant number for projects or jobs; the counter row is locked until the caller commits. */
export async function nextExecutionNumber(tx: Tx, tenantId: string, kind: "project" | "job"): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ last_number: number }>>`
    INSERT INTO execution_counters (tenant_id, kind, last_number) VALUES (${tenantId}::uuid, ${kind}, 1)
    ON CONFLICT (tenant_id, kind) DO UPDATE SET last_number = execution_counters.last_number + 1
    RETURNING last_number`;
  return rows[0]!.last_number;
}
