import { createHash } from "node:crypto";
import type { Db } from "./client";
import { poolOf } from "./client";
import type { PoolClient } from "pg";
import type { Prisma } from "./generated/client";

/** Runs one statement built with Prisma's `sql` template and returns its rows as node-postgres parses them. */
export type TenantQuery = <Row>(statement: Prisma.Sql) => Promise<Row[]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Raw transactions interpolate the tenant id into their opening statement: only a well-formed id gets there. */
export function assertTenantUuid(tenantId: string): void {
  if (!UUID.test(tenantId)) throw new Error("a raw tenant transaction needs a tenant id that is a UUID");
}

/** Runs `sql` statements on one client as named prepared statements (see statementName). */
export function namedQuery(client: PoolClient): TenantQuery {
  return async <Row>(statement: Prisma.Sql) => {
    const result = await client.query({
      name: statementName(statement.text),
      text: statement.text,
      values: statement.values,
    });
    return result.rows as Row[];
  };
}

/**
 * Runs `fn` in one read-only transaction pinned to the tenant, on a raw pooled connection: the hot list reads (queue,
 * project list) skip the ORM's per-query work, and the transaction opens and pins the tenant in one round trip. Row-level
 * security applies exactly as in withTenant. Rows come back as node-postgres parses them: timestamptz as Date, json as
 * values, bigint and numeric as strings.
 */
export function readAsTenant<T>(db: Db, tenantId: string, fn: (query: TenantQuery) => Promise<T>): Promise<T> {
  return rawTenantTransaction(db, tenantId, "BEGIN READ ONLY", fn);
}

/**
 * The same raw transaction for the hottest writes (ticket creation, timer claims), where the ORM's per-statement work
 * costs more than PostgreSQL does. Everything in `fn` commits or rolls back together; row-level security applies.
 */
export function writeAsTenant<T>(db: Db, tenantId: string, fn: (query: TenantQuery) => Promise<T>): Promise<T> {
  return rawTenantTransaction(db, tenantId, "BEGIN", fn);
}

const names = new Map<string, string>();
const MAX_NAMES = 1_000;

/**
 * Statements are named after their text, so each pooled connection parses and plans a statement shape once and reuses
 * the plan. The names are remembered: hashing the long insert of a ticket on every call showed in profiles.
 */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `atende_${createHash("sha1").update(text).digest("base64url")}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A pooled connection for `fn`, rolled back if `fn` throws (a failed statement can leave a transaction open) and
 * returned clean or not at all: a connection whose rollback failed is in an unknown state, so the pool discards it.
 */
export async function withPooledClient<T>(db: Db, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

function rawTenantTransaction<T>(
  db: Db,
  tenantId: string,
  begin: string,
  fn: (query: TenantQuery) => Promise<T>,
): Promise<T> {
  // Interpolated into the opening statement: a simple query cannot carry parameters.
  assertTenantUuid(tenantId);
  return withPooledClient(db, async (client) => {
    await client.query(`${begin}; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
    const value = await fn(namedQuery(client));
    await client.query("COMMIT");
    return value;
  });
}
