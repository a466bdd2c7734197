import type { Db } from "./client";
import type { Prisma } from "./generated/client";

export type Tx = Prisma.TransactionClient;

/**
 * Runs `fn` in one interactive transaction whose first statement pins the tenant for row-level security.
 * Inside `fn` always use `tx`: the outer client sees no tenant and returns nothing.
 */
export async function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    return fn(tx);
  });
}
