import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { appDatabaseUrl, quoteIdent, withDatabase } from "@atende/db";
import "./provided";

export type TestDatabase = { name: string; ownerUrl: string; appUrl: string; drop: () => Promise<void> };

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template built by the global setup. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("pgServerUrl");
  const template = inject("templateDb");
  const name = `atende_t_${randomBytes(6).toString("hex")}`;
  // Cloning needs the template to have no other sessions; retry briefly while a concurrent clone finishes.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
      break;
    } catch (error) {
      if (attempt > 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const ownerUrl = withDatabase(serverUrl, name);
  return {
    name,
    ownerUrl,
    appUrl: appDatabaseUrl(ownerUrl),
    drop: () =>
      admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/** A Redis key prefix unique to this test file, so parallel files never see each other's queues. */
export function testRedis(): { url: string; prefix: string } {
  return { url: inject("redisUrl"), prefix: `t${randomBytes(4).toString("hex")}` };
}
