import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { FastifyInstance } from "fastify";
import { afterAll } from "vitest";
import { createDb, withTenant, type Db } from "@atende/db";
import { dispatchTimers, QUEUES } from "@atende/jobs";
import type { RoleAssignment } from "@atende/domain";
import { createTestDatabase, testRedis } from "@atende/testkit";
import { buildApp } from "../src/app";
import { configFromEnv, type Config } from "../src/config";
import { provisionTenant, upsertUserWithRoles } from "../src/seed/provision";

export const PASSWORD = "Test-password-1";

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  ownerDb: Db;
  redis: Redis;
  prefix: string;
  timersQueue: Queue;
  config: Config;
  /** A new tenant with one user per given role set; returns ids. */
  tenant: (slug: string) => Promise<TenantHandle>;
};

export type TenantHandle = {
  id: string;
  user: (email: string, roles: RoleAssignment[]) => Promise<string>;
  bu: (code: string, country?: string) => Promise<string>;
};

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/**
 * The real app over a database cloned for this file and a Redis prefix of its own; closed after the file.
 * Overrides let a test tighten limits (rate limits, lock-out) without touching others.
 */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const tdb = await createTestDatabase();
  const { url: redisUrl, prefix } = testRedis();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const db = createDb({ connectionString: tdb.appUrl, max: 5 });
  const ownerDb = createDb({ connectionString: tdb.ownerUrl, max: 2 });
  const timersQueue = new Queue(QUEUES.timers, { connection: redis, prefix });
  const config: Config = {
    ...configFromEnv(
      {},
      { databaseUrl: tdb.ownerUrl, appDatabaseUrl: tdb.appUrl, redisUrl, sessionSecret: "test-secret" },
    ),
    redisPrefix: prefix,
    loginRateLimitPerMinute: 10_000,
    rateLimitPerMinute: 100_000,
    logLevel: "silent",
    ...overrides,
  };
  const app = await buildApp({
    config,
    db,
    redis,
    timersQueue,
    dispatchTimers: (refs, options) => dispatchTimers(db, timersQueue, refs, new Date(), options),
    logger: false,
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await timersQueue.obliterate({ force: true }).catch(() => undefined);
    await timersQueue.close();
    await db.$disconnect();
    await ownerDb.$disconnect();
    redis.disconnect();
    await tdb.drop();
  });
  return {
    app,
    db,
    ownerDb,
    redis,
    prefix,
    timersQueue,
    config,
    tenant: async (slug) => {
      const { id } = await provisionTenant(ownerDb, { slug, name: `Tenant ${slug}` });
      return {
        id,
        user: (email, roles) =>
          withTenant(db, id, (tx) =>
            upsertUserWithRoles(tx, { tenantId: id, email, name: email.split("@")[0]!, password: PASSWORD, roles }),
          ),
        bu: (code, country = "ES") =>
          withTenant(db, id, async (tx) => {
            const bu = await tx.businessUnit.create({
              data: {
                tenantId: id,
                code,
                name: `BU ${code}`,
                timezone: "Europe/Madrid",
                locale: "es",
                currency: "EUR",
                country,
              },
            });
            return bu.id;
          }),
      };
    },
  };
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === "atende_session");
  const cookie = `atende_session=${setCookie!.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
}

export const tenantWide = (role: RoleAssignment["role"]): RoleAssignment => ({ role, buId: null, storeId: null });
