import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";

export type DbOptions = { connectionString: string; max?: number };

// The pool under each client, for the raw read path (tenant-read.ts): one pool, so the raw reads and Prisma share the
// same connection limit.
const pools = new WeakMap<Db, pg.Pool>();

export function createDb({ connectionString, max = 10 }: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Every session in UTC whatever the server's or database's default: Prisma's pg adapter writes and reads
    // timestamptz values as if the session were in UTC (prisma/orm#26786, #28629), so elsewhere every instant shifted
    // by the zone's offset, and sessions looked expired at sign-in.
    options: "-c TimeZone=UTC",
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 15_000 } });
  pools.set(db, pool);
  return db;
}

export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this client was not made by createDb: it has no pool for raw reads");
  return pool;
}

/**
 * Disconnects the ORM client and ends its pool. The adapter ends the pool only if the ORM ever connected; a client used
 * solely through the raw paths (withTenantConnection, readAsTenant) would otherwise keep its connections open.
 */
export async function closeDb(db: Db): Promise<void> {
  await db.$disconnect();
  const pool = poolOf(db);
  if (!pool.ending) await pool.end();
}
