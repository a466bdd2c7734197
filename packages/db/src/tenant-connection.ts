import type { Db } from "./client";
import { assertTenantUuid, namedQuery, withPooledClient, type TenantQuery } from "./tenant-read";

export type TenantConnection = {
  /**
   * One statement in its own implicit transaction, with no tenant pinned: it calls a function that pins the tenant
   * itself (app_session_principal, app_create_ticket...). Anything else finds no rows under row-level security.
   */
  query: TenantQuery;
  /**
   * One statement returning one row, in a transaction of its own that pins the tenant and commits without waiting for
   * the WAL flush (a counter bump whose number a later statement uses); its row is returned.
   */
  lazyCommit: (statement: string) => Promise<Record<string, unknown> | null>;
};

type SimpleResult = { rows: Array<Record<string, unknown>> };

/**
 * Several statements on one raw pooled connection without a transaction around them (decision 0011): each statement
 * is its own transaction and pins the tenant itself, so no `BEGIN` or `COMMIT` round trip is spent. For the hottest
 * writes only; a statement that fails leaves the ones before it committed, so callers order them accordingly.
 */
export function withTenantConnection<T>(
  db: Db,
  tenantId: string,
  fn: (connection: TenantConnection) => Promise<T>,
): Promise<T> {
  assertTenantUuid(tenantId);
  return withPooledClient(db, (client) =>
    fn({
      query: namedQuery(client),
      lazyCommit: async (statement) => {
        const results = (await client.query(
          `BEGIN; SET LOCAL synchronous_commit TO off; SELECT set_config('app.tenant_id', '${tenantId}', true); ` +
            `${statement}; COMMIT`,
        )) as unknown as SimpleResult[];
        return results[3]?.rows[0] ?? null;
      },
    }),
  );
}
