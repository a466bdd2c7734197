import type { Db } from "./client";
import { poolOf } from "./client";
import { assertTenantUuid, namedQuery, type TenantQuery } from "./tenant-read";

export type TenantSession = {
  query: TenantQuery;
  /**
   * Commits the read-only transaction and opens a read-write one, in one round trip. `lazyStep`, a single statement
   * returning one row, runs in between in a transaction of its own that commits without waiting for the WAL flush (a
   * counter bump the write then uses); its row is returned.
   */
  beginWrite: (lazyStep?: string) => Promise<Record<string, unknown> | null>;
};

type SimpleResult = { rows: Array<Record<string, unknown>> };

/**
 * A read, then a write, on one raw pooled connection pinned to the tenant (decision 0011): `fn` starts in a read-only
 * transaction, checks what it read, calls `beginWrite` and writes; everything it wrote commits when it returns and
 * rolls back when it throws. Row-level security applies throughout.
 */
export async function tenantSession<T>(
  db: Db,
  tenantId: string,
  fn: (session: TenantSession) => Promise<T>,
): Promise<T> {
  assertTenantUuid(tenantId);
  const pin = `SELECT set_config('app.tenant_id', '${tenantId}', true)`;
  const client = await poolOf(db).connect();
  let broken: Error | undefined;
  let writing = false;
  try {
    await client.query(`BEGIN READ ONLY; ${pin}`);
    const session: TenantSession = {
      query: namedQuery(client),
      beginWrite: async (lazyStep) => {
        if (writing) throw new Error("beginWrite called twice");
        writing = true;
        const step = lazyStep ? `BEGIN; SET LOCAL synchronous_commit TO off; ${pin}; ${lazyStep}; COMMIT; ` : "";
        const results = (await client.query(`COMMIT; ${step}BEGIN; ${pin}`)) as unknown as SimpleResult[];
        return lazyStep ? (results[4]?.rows[0] ?? null) : null;
      },
    };
    const value = await fn(session);
    await client.query("COMMIT");
    return value;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
