import type { Db } from "./client";
import { assertTenantUuid, namedQuery, withPooledClient, type TenantQuery } from "./tenant-read";

export type TenantConnection = {
  /**
   * One statement in its own implicit transaction, with no tenant pinned: it calls a function that pins the tenant
   * itself (app_session_principal, app_create_ticket...). Anything else finds no rows under row-level security.
   */
  query: TenantQuery;
};

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
  return withPooledClient(db, (client) => fn({ query: namedQuery(client) }));
}
