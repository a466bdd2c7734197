import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureAppRole, ensureDatabase, migrate, MIGRATIONS_DIR, withDatabase } from "@atende/db";
import { ensurePostgres, ensureRedis } from "@atende/devstack";
import "./provided";

async function migrationsDigest(): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await readdir(MIGRATIONS_DIR)).sort()) {
    if (name.endsWith(".toml")) continue;
    hash.update(name).update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * Starts (or finds) PostgreSQL and Redis once for the whole run and builds a migrated template database named after
 * the migrations' digest; each test file clones it (CREATE DATABASE ... TEMPLATE) in well under a second.
 */
export default async function setup(project: TestProject) {
  const dataDir = path.resolve(".data/test");
  const postgres = await ensurePostgres({ dataDir, persistent: false, port: 54339 });
  const redis = await ensureRedis({ dataDir, port: 6391 });
  const templateDb = `atende_tpl_${await migrationsDigest()}`;
  const templateUrl = withDatabase(postgres.url, templateDb);
  const admin = new pg.Client({ connectionString: withDatabase(postgres.url, "postgres") });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(727275)");
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [templateDb]);
    if (exists.rowCount === 0) {
      await ensureDatabase(templateUrl);
      await ensureAppRole(templateUrl);
      await migrate(templateUrl);
    } else {
      await ensureAppRole(templateUrl);
    }
    await admin.query("SELECT pg_advisory_unlock(727275)");
  } finally {
    await admin.end();
  }
  project.provide("pgServerUrl", postgres.url);
  project.provide("templateDb", templateDb);
  project.provide("redisUrl", redis.url);
  return async () => {
    await redis.stop();
    await postgres.stop();
  };
}
