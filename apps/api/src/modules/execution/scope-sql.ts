import { PrismaNamespace } from "@atende/db";
import type { ReadableScopes } from "./exec-access";

const { sql, join, raw } = PrismaNamespace;

/**
 * The SQL condition for "a row this reader reaches", given the columns holding the row's BU and store: each BU-wide
 * or store assignment of the reader, OR-ed (TRUE for tenant-wide readers, FALSE for none).
 */
export function reachSql(scope: ReadableScopes, columns: { bu: string; store: string }): PrismaNamespace.Sql {
  if (scope === "all") return sql`TRUE`;
  if (scope.length === 0) return sql`FALSE`;
  const bu = raw(columns.bu);
  const store = raw(columns.store);
  const parts = scope.map((s) =>
    s.storeId ? sql`(${bu} = ${s.buId}::uuid AND ${store} = ${s.storeId}::uuid)` : sql`${bu} = ${s.buId}::uuid`,
  );
  return sql`(${join(parts, " OR ")})`;
}
