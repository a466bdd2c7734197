import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { ENQUEUE_HORIZON_MS } from "@atende/jobs";
import { createTestApp, login, PASSWORD, tenantWide, type TestApp } from "../../../test/app";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 3, sessionTtlMinutes: 60 });
  const a = await t.tenant("auth-a");
  await a.user("admin@a.test", [tenantWide("tenant_admin")]);
  await a.user("locky@a.test", [tenantWide("operator")]);
  await a.user("customer@a.test", [tenantWide("customer")]);
});

describe("sign-in", () => {
  it("sets an httpOnly SameSite session cookie and returns a CSRF token", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "Admin@A.test", password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "atende_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(res.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it("answers the same 401 for an unknown email and a wrong password", async () => {
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "nobody@a.test", password: "x" },
    });
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "admin@a.test", password: "nope" },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect(unknown.json().code).toBe("INVALID_CREDENTIALS");
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it("locks the account after repeated failures, even for the right password", async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "locky@a.test", password: "bad" },
      });
      expect(r.statusCode).toBe(401);
    }
    const third = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "locky@a.test", password: "bad" },
    });
    expect(third.statusCode).toBe(423);
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
    const right = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "locky@a.test", password: PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe("ACCOUNT_LOCKED");
  });

  it("records sign-ins and failures in the audit log", async () => {
    const tenant = await t.ownerDb.tenant.findUniqueOrThrow({ where: { slug: "auth-a" } });
    const rows = await withTenant(t.db, tenant.id, (tx) => tx.auditLog.findMany({ where: { action: "auth.sign_in" } }));
    expect(rows.some((r) => r.outcome === "failure")).toBe(true);
    expect(rows.some((r) => r.outcome === "success")).toBe(true);
  });

  it("schedules the session's expiry timer", async () => {
    const tenant = await t.ownerDb.tenant.findUniqueOrThrow({ where: { slug: "auth-a" } });
    const timers = await withTenant(t.db, tenant.id, (tx) => tx.timer.findMany({ where: { kind: "session-expiry" } }));
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.every((x) => x.status === "scheduled")).toBe(true);
    // Hours ahead, beyond the enqueue horizon: the worker's sweep adds its job when it comes close (decision 0013).
    expect(timers.every((x) => x.enqueuedAt === null && x.dueAt.getTime() > Date.now() + ENQUEUE_HORIZON_MS)).toBe(
      true,
    );
  });
});

describe("session", () => {
  it("/me returns the user with roles and permissions", async () => {
    const s = await login(t.app, "admin@a.test");
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual([{ role: "tenant_admin", buId: null, storeId: null }]);
    expect(me.json().permissions).toContain("tenant.users.manage");
  });

  it("refuses a cookie mutation without the CSRF header", async () => {
    const s = await login(t.app, "admin@a.test");
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("CSRF_FAILED");
  });

  it("sign-out revokes the session", async () => {
    const s = await login(t.app, "admin@a.test");
    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: s.headers });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("an expired session is refused", async () => {
    const s = await login(t.app, "admin@a.test");
    const tenant = await t.ownerDb.tenant.findUniqueOrThrow({ where: { slug: "auth-a" } });
    await withTenant(t.db, tenant.id, (tx) =>
      tx.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } }),
    );
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("a forged cookie for another tenant id is just unauthenticated", async () => {
    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: "atende_session=00000000-0000-4000-8000-000000000000.forged" },
    });
    expect(me.statusCode).toBe(401);
  });

  it("a customer is forbidden from admin endpoints", async () => {
    const s = await login(t.app, "customer@a.test");
    const res = await t.app.inject({ method: "GET", url: "/api/v1/business-units", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("FORBIDDEN");
  });
});

describe("sign-in rate limit", () => {
  it("answers 429 after the per-minute limit", async () => {
    const limited = await createTestApp({ loginRateLimitPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await limited.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "x@y.test", password: "p" },
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes[4]).toBe(429);
  });
});
