import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureAppRole, ensureDatabase, migrate, withDatabase } from "@atende/db";
import { ensurePostgres } from "./postgres";
import { ensureRedis } from "./redis";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const DATA_DIR = path.resolve(ROOT, process.env.DATA_DIR ?? ".data");
const log = (msg: string) => console.log(`[atende] ${msg}`);

/** A session secret that survives restarts (sessions stay valid) without anyone having to configure one. */
function sessionSecret(): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = path.join(DATA_DIR, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function run(script: string, env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, env, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  return child;
}

async function runToEnd(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, env, stdio: "inherit" });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${script} failed with exit code ${code}`);
}

let stopping = false;
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

async function stop(code: number): Promise<never> {
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on("exit", r)) : undefined)));
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(code);
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  const pg = await ensurePostgres({ dataDir: DATA_DIR, log });
  cleanups.push(pg.stop);
  const databaseUrl = pg.embedded ? withDatabase(pg.url, "atende") : pg.url;
  log(pg.embedded ? `embedded PostgreSQL running (${DATA_DIR}/pg)` : "using DATABASE_URL");
  const redis = await ensureRedis({ dataDir: DATA_DIR, log });
  cleanups.push(redis.stop);
  log(redis.spawned ? `redis-server started (${redis.url})` : `using Redis at ${redis.url}`);

  await ensureDatabase(databaseUrl);
  await ensureAppRole(databaseUrl);
  const migrated = await migrate(databaseUrl);
  log(`migrations: ${migrated.applied.length} applied, ${migrated.skipped} already in place`);

  const port = process.env.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    SESSION_SECRET: sessionSecret(),
    STORAGE_DIR: process.env.STORAGE_DIR ?? path.join(DATA_DIR, "storage"),
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? path.join(ROOT, "apps/web/dist"),
    PORT: port,
  };
  if (process.env.SEED_DEMO !== "false") await runToEnd("apps/api/src/seed/run-seed.ts", env);

  children.push(run("apps/api/src/server.ts", env, "API"));
  children.push(run("apps/worker/src/main.ts", env, "worker"));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const url = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(`
  Atende is running at ${url}   (API docs: ${url}/docs)

  Demo sign-ins (password Demo-2026!):
    admin@demo.test        tenant admin
    bu-admin@demo.test     BU admin (Spain)
    operator@demo.test     operator
    exec-admin@demo.test   execution admin
    seller@demo.test       seller (Madrid store)
    customer@demo.test     customer
    provider@demo.test     provider manager
    worker@demo.test       provider worker

  Press Ctrl+C to stop.
`);
}

main().catch(async (error: unknown) => {
  console.error(`[atende] could not start: ${(error as Error).message}`);
  await stop(1);
});
