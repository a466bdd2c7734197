import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchTimers } from "@atende/jobs";
import { buildApp } from "../src/app";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "./app";

// Two API processes over one database and one Redis, as in production: what one revokes, the other stops serving at
// once, although both cache sessions (decision 0017).
let t: TestApp;
let other: FastifyInstance;
let userId: string;
let adminSession: Session;
let otherTenantId: string;

beforeAll(async () => {
  t = await createTestApp({ sessionCacheTtlMs: 60_000 });
  other = await buildApp({
    config: t.config,
    db: t.db,
    redis: t.redis,
    timersQueue: t.timersQueue,
    dispatchTimers: (refs, options) => dispatchTimers(t.db, t.timersQueue, refs, new Date(), options),
    logger: false,
  });
  await other.ready();
  const tenant = await t.tenant("revocations");
  userId = await tenant.user("op@revocations.test", [tenantWide("operator")]);
  await tenant.user("admin@revocations.test", [tenantWide("tenant_admin")]);
  adminSession = await login(t.app, "admin@revocations.test");
  otherTenantId = (await t.tenant("revocations-other")).id;
});

afterAll(async () => {
  await other?.close();
});

const me = (app: FastifyInstance, s: Session) => app.inject({ method: "GET", url: "/api/v1/me", headers: s.headers });
const rolesSeenBy = async (app: FastifyInstance, s: Session) =>
  ((await me(app, s)).json() as { roles: Array<{ role: string }> }).roles.map((r) => r.role);

async function waitUntil(check: () => Promise<boolean>, ms = 2_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe("cached sessions across API processes", () => {
  it("serves a session from the cache: a change made behind the API's back shows only after the TTL", async () => {
    const s = await login(t.app, "op@revocations.test");
    expect((await me(other, s)).statusCode).toBe(200);
    await t.ownerDb.session.updateMany({ where: { userId }, data: { revokedAt: new Date() } });
    expect((await me(other, s)).statusCode).toBe(200);
    await t.ownerDb.session.updateMany({ where: { userId }, data: { revokedAt: null } });
  });

  it("never opens a cached session for a cookie that names another tenant beside the same secret", async () => {
    const s = await login(t.app, "op@revocations.test");
    expect((await me(other, s)).statusCode).toBe(200);
    const [name, value] = s.cookie.split("=") as [string, string];
    const forged = `${name}=${otherTenantId}.${value.split(".")[1]}`;
    const res = await other.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: forged } });
    expect(res.statusCode).toBe(401);
  });

  it("stops serving a signed-out session in the other process at once", async () => {
    const s = await login(t.app, "op@revocations.test");
    expect((await me(other, s)).statusCode).toBe(200);
    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: s.headers });
    expect(out.statusCode).toBeLessThan(300);
    expect((await me(t.app, s)).statusCode).toBe(401);
    await waitUntil(async () => (await me(other, s)).statusCode === 401);
  });

  it("applies a role change and a disabled account in the other process at once", async () => {
    const s = await login(t.app, "op@revocations.test");
    expect(await rolesSeenBy(other, s)).toEqual(["operator"]);
    const user = (
      await t.app.inject({ method: "GET", url: `/api/v1/users/${userId}`, headers: adminSession.headers })
    ).json() as { version: number };
    const demoted = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${userId}`,
      headers: adminSession.headers,
      payload: { roles: [tenantWide("customer")], version: user.version },
    });
    expect(demoted.statusCode).toBe(200);
    await waitUntil(async () => (await rolesSeenBy(other, s)).join() === "customer");
    const disabled = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${userId}`,
      headers: adminSession.headers,
      payload: { status: "disabled", version: (demoted.json() as { version: number }).version },
    });
    expect(disabled.statusCode).toBe(200);
    await waitUntil(async () => (await me(other, s)).statusCode === 401);
  });
});
