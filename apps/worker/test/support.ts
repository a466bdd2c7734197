import { randomUUID } from "node:crypto";
import { createDb, withTenant, type Db } from "@atende/db";
import { createTestDatabase, testRedis, type TestDatabase } from "@atende/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { pino } from "pino";
import { scheduleTimer, type TimerHandlers, type TimerRef } from "@atende/jobs";
import { timerHandlers } from "../src/jobs";

export const silentLogger = pino({ level: process.env.LOG_LEVEL ?? "silent" });

export type World = {
  tdb: TestDatabase;
  db: Db;
  redis: Redis;
  redisUrl: string;
  prefix: string;
  close: () => Promise<void>;
};

/** A fresh database and a Redis key prefix of this test file's own; close() removes both. */
export async function createWorld(): Promise<World> {
  const tdb = await createTestDatabase();
  const db = createDb({ connectionString: tdb.appUrl });
  const { url, prefix } = testRedis();
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  return {
    tdb,
    db,
    redis,
    redisUrl: url,
    prefix,
    close: async () => {
      await deleteKeys(redis, prefix);
      await redis.quit();
      await db.$disconnect();
      await tdb.drop();
    },
  };
}

/** The app role may only read tenants, so the owner inserts them. */
export async function createTenant(ownerUrl: string): Promise<string> {
  const id = randomUUID();
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)", [id, `t-${id}`, `Tenant ${id}`]);
  } finally {
    await client.end();
  }
  return id;
}

/** A fresh world with two tenants, for timer tests that also check tenant isolation. */
export async function createTwoTenantWorld(): Promise<{ world: World; tenantId: string; otherTenantId: string }> {
  const world = await createWorld();
  return {
    world,
    tenantId: await createTenant(world.tdb.ownerUrl),
    otherTenantId: await createTenant(world.tdb.ownerUrl),
  };
}

/** Schedules a timer of the kind tests replace the handler of (session-expiry). */
export function scheduleTestTimer(world: World, tenantId: string, subject: string, dueAt: Date): Promise<TimerRef> {
  return withTenant(world.db, tenantId, (tx) =>
    scheduleTimer(tx, { tenantId, kind: "session-expiry", subject, dueAt }),
  );
}

export async function createSession(db: Db, tenantId: string, expiresAt: Date): Promise<string> {
  return withTenant(db, tenantId, async (tx) => {
    const user = await tx.user.create({ data: { tenantId, email: `${randomUUID()}@example.test`, name: "Test User" } });
    const session = await tx.session.create({
      data: { tenantId, userId: user.id, tokenHash: randomUUID(), csrfToken: randomUUID(), expiresAt },
    });
    return session.id;
  });
}

/** Only this file's keys: other test files share the Redis server, so never FLUSHALL. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
    if (keys.length > 0) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  return deleted;
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function sessionExists(db: Db, tenantId: string, sessionId: string): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => (await tx.session.count({ where: { id: sessionId } })) === 1);
}

export function timerRow(db: Db, tenantId: string, timerId: string) {
  return withTenant(db, tenantId, (tx) => tx.timer.findUniqueOrThrow({ where: { id: timerId } }));
}

export type FiredTimer = { subject: string; generation: number; at: Date };

/** A handler map for tests that only schedule session-expiry timers: any other kind firing is a test bug. */
export function sessionExpiryOnly(handler: TimerHandlers["session-expiry"]): TimerHandlers {
  const unexpected: TimerHandlers["session-expiry"] = async (_tx, job) => {
    throw new Error(`unexpected timer kind ${job.kind} in a session-expiry test`);
  };
  return {
    "session-expiry": handler,
    "sla-warning": unexpected,
    "sla-breach": unexpected,
    "sla-escalation": unexpected,
    "ticket-auto-close": unexpected,
    "sla-replan": unexpected,
    "contract-auto-send": unexpected,
    "contract-reminder": unexpected,
    "contract-not-signed": unexpected,
  };
}

/** The real handlers, recording each run that got past the claim. */
export function recordingHandlers(): { handlers: TimerHandlers; fired: FiredTimer[] } {
  const fired: FiredTimer[] = [];
  const handlers = sessionExpiryOnly(async (tx, job, now, afterCommit) => {
    fired.push({ subject: job.subject, generation: job.generation, at: now });
    await timerHandlers["session-expiry"](tx, job, now, afterCommit);
  });
  return { handlers, fired };
}
