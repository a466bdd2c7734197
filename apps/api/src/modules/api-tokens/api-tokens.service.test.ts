import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let tenantId: string;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("tokens-a");
  tenantId = a.id;
  await a.bu("ES");
  await a.user("admin@tokens-a.test", [tenantWide("tenant_admin")]);
  await a.user("op@tokens-a.test", [tenantWide("operator")]);
  const b = await t.tenant("tokens-b");
  await b.user("admin@tokens-b.test", [tenantWide("tenant_admin")]);
  admin = await login(t.app, "admin@tokens-a.test");
});

type TokenBody = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  revokedAt: string | null;
  token?: string;
};

const create = (payload: Record<string, unknown>, s: Session = admin) =>
  t.app.inject({ method: "POST", url: "/api/v1/api-tokens", headers: s.headers, payload });

const revoke = (id: string, s: Session = admin) =>
  t.app.inject({ method: "POST", url: `/api/v1/api-tokens/${id}/revoke`, headers: s.headers });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API tokens", () => {
  it("creates a token whose secret authenticates with its scope only, until revoked", async () => {
    const res = await create({ name: "Reporting", scopes: ["read"] });
    expect(res.statusCode).toBe(201);
    const created = res.json() as TokenBody & { token: string };
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix).toHaveLength(12);
    expect(created).toMatchObject({ name: "Reporting", scopes: ["read"], revokedAt: null });

    const read = await t.app.inject({ method: "GET", url: "/api/v1/business-units", headers: bearer(created.token) });
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toHaveLength(1);
    const write = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: bearer(created.token),
      payload: { email: "x@tokens-a.test", name: "X", password: "Long-password-1", roles: [tenantWide("operator")] },
    });
    expect(write.statusCode).toBe(403);
    const selfManage = await t.app.inject({ method: "GET", url: "/api/v1/api-tokens", headers: bearer(created.token) });
    expect(selfManage.statusCode).toBe(403);

    const revoked = await revoke(created.id);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await t.app.inject({ method: "GET", url: "/api/v1/business-units", headers: bearer(created.token) });
    expect(after.statusCode).toBe(401);

    const again = await revoke(created.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
  });

  it("never lists the secret or its hash, and hides revoked tokens unless asked", async () => {
    const created = (await create({ name: "Listed", scopes: ["read", "tickets:write"] })).json() as TokenBody & {
      token: string;
    };
    const secret = created.token.split("_").pop()!;
    const list = await t.app.inject({ method: "GET", url: "/api/v1/api-tokens", headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toMatch(/token"|tokenHash/);
    const names = list.json().items.map((x: TokenBody) => x.name);
    expect(names).toContain("Listed");
    expect(names).not.toContain("Reporting");
    const withRevoked = await t.app.inject({
      method: "GET",
      url: "/api/v1/api-tokens?includeRevoked=true",
      headers: admin.headers,
    });
    expect(withRevoked.json().items.map((x: TokenBody) => x.name)).toContain("Reporting");
  });

  it("pages through tokens newest first", async () => {
    for (const name of ["P1", "P2", "P3"]) expect((await create({ name, scopes: ["read"] })).statusCode).toBe(201);
    const first = await t.app.inject({ method: "GET", url: "/api/v1/api-tokens?limit=2", headers: admin.headers });
    expect(first.json().items.map((x: TokenBody) => x.name)).toEqual(["P3", "P2"]);
    const next = await t.app.inject({
      method: "GET",
      url: `/api/v1/api-tokens?limit=2&cursor=${first.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(next.json().items.map((x: TokenBody) => x.name)).toEqual(["P1", "Listed"]);
  });

  it("answers 404 revoking an unknown token or another tenant's", async () => {
    expect((await revoke("00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const b = await login(t.app, "admin@tokens-b.test");
    const theirs = (await create({ name: "Theirs", scopes: ["read"] }, b)).json() as TokenBody;
    expect((await revoke(theirs.id)).statusCode).toBe(404);
  });

  it("refuses an expiry in the past naming body.expiresAt", async () => {
    const res = await create({ name: "Old", scopes: ["read"], expiresAt: "2000-01-01T00:00:00Z" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("body.expiresAt");
  });

  it("is forbidden for a role without tenant.api_tokens.manage", async () => {
    const op = await login(t.app, "op@tokens-a.test");
    expect((await create({ name: "Nope", scopes: ["read"] }, op)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/api-tokens", headers: op.headers })).statusCode).toBe(
      403,
    );
  });

  it("records creation and revocation in the audit log without the secret", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) =>
      tx.auditLog.findMany({ where: { module: "admin", entityType: "api_token" } }),
    );
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["api_token.create", "api_token.revoke"]));
    expect(rows.filter((r) => r.action === "api_token.revoke")).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/atd_[0-9a-f]{32}_|tokenHash/);
  });

  it("lets a tickets token read the open queue but refuses it the view mine, which needs a person", async () => {
    const created = (await create({ name: "Desk bot", scopes: ["tickets:write"] })).json() as TokenBody & {
      token: string;
    };
    const open = await t.app.inject({
      method: "GET",
      url: "/api/v1/tickets?view=open",
      headers: bearer(created.token),
    });
    expect(open.statusCode).toBe(200);
    const mine = await t.app.inject({
      method: "GET",
      url: "/api/v1/tickets?view=mine",
      headers: bearer(created.token),
    });
    expect(mine.statusCode).toBe(400);
    expect(mine.json().errors).toEqual([expect.objectContaining({ path: "query.view" })]);
  });
});
