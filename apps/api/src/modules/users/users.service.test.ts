import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let tenantId: string;
let admin: Session;
let adminId: string;
let buEs: string;
let buPt: string;
let storeEs: string;
let otherBu: string;
let otherStore: string;

const NEW_PASSWORD = "New-password-42";

beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 3 });
  const a = await t.tenant("users-a");
  tenantId = a.id;
  buEs = await a.bu("ES");
  buPt = await a.bu("PT", "PT");
  storeEs = await withTenant(
    t.db,
    a.id,
    async (tx) => (await tx.store.create({ data: { tenantId: a.id, buId: buEs, code: "MAD", name: "Madrid" } })).id,
  );
  adminId = await a.user("admin@users-a.test", [tenantWide("tenant_admin")]);
  await a.user("op@users-a.test", [tenantWide("operator")]);
  const b = await t.tenant("users-b");
  otherBu = await b.bu("ES");
  otherStore = await withTenant(
    t.db,
    b.id,
    async (tx) => (await tx.store.create({ data: { tenantId: b.id, buId: otherBu, code: "BAR", name: "B" } })).id,
  );
  await b.user("taken@users-b.test", [tenantWide("operator")]);
  admin = await login(t.app, "admin@users-a.test");
});

type UserBody = {
  id: string;
  email: string;
  version: number;
  roles: unknown[];
  groupIds: string[];
  lockedUntil: string | null;
};

const create = (payload: Record<string, unknown>, s: Session = admin) =>
  t.app.inject({ method: "POST", url: "/api/v1/users", headers: s.headers, payload });

const patch = (id: string, payload: Record<string, unknown>, s: Session = admin) =>
  t.app.inject({ method: "PATCH", url: `/api/v1/users/${id}`, headers: s.headers, payload });

const signIn = (email: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });

async function newUser(email: string, roles: unknown[] = [{ role: "seller", buId: buEs }]): Promise<UserBody> {
  const res = await create({ email, name: email.split("@")[0], password: NEW_PASSWORD, roles });
  expect(res.statusCode).toBe(201);
  return res.json() as UserBody;
}

describe("creating users", () => {
  it("creates a user with roles who can then sign in; the hash never leaves the server", async () => {
    const res = await create({
      email: "Seller@Users-A.test",
      name: "Sam Seller",
      locale: "es",
      password: NEW_PASSWORD,
      roles: [
        { role: "seller", buId: buEs, storeId: storeEs },
        { role: "operator", buId: buPt },
      ],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: "seller@users-a.test",
      name: "Sam Seller",
      locale: "es",
      status: "active",
      version: 1,
      groupIds: [],
    });
    expect(user.roles).toHaveLength(2);
    expect(user.roles).toEqual(
      expect.arrayContaining([
        { role: "seller", buId: buEs, storeId: storeEs },
        { role: "operator", buId: buPt, storeId: null },
      ]),
    );
    expect(res.body).not.toMatch(/password|argon/i);
    expect((await signIn("seller@users-a.test", NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("answers 409 naming body.email for an email already in this tenant, in any case", async () => {
    const res = await create({
      email: "ADMIN@users-a.test",
      name: "Dup",
      password: NEW_PASSWORD,
      roles: [tenantWide("operator")],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("CONFLICT");
    expect(res.json().errors[0].path).toBe("body.email");
  });

  it("answers 409 for an email another tenant uses, without naming that tenant", async () => {
    const res = await create({
      email: "taken@users-b.test",
      name: "Dup",
      password: NEW_PASSWORD,
      roles: [tenantWide("operator")],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe("body.email");
    expect(res.body).not.toMatch(/users-b"|tenant/i);
  });

  it("names the role field whose BU or store is unknown or another tenant's", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ role: "operator", buId: otherBu }, "body.roles.0.buId"],
      [{ role: "seller", buId: buEs, storeId: otherStore }, "body.roles.0.storeId"],
      [{ role: "seller", buId: buPt, storeId: storeEs }, "body.roles.0.storeId"],
      [{ role: "seller", buId: "00000000-0000-4000-8000-000000000000" }, "body.roles.0.buId"],
    ];
    for (const [role, path] of cases) {
      const res = await create({ email: "scoped@users-a.test", name: "S", password: NEW_PASSWORD, roles: [role] });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    const second = await create({
      email: "scoped@users-a.test",
      name: "S",
      password: NEW_PASSWORD,
      roles: [tenantWide("operator"), { role: "seller", buId: otherBu }],
    });
    expect(second.json().errors[0].path).toBe("body.roles.1.buId");
  });

  it("refuses a weak password naming body.password", async () => {
    const res = await create({
      email: "weak@users-a.test",
      name: "W",
      password: "short",
      roles: [tenantWide("operator")],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("body.password");
  });

  it("is forbidden for a role without tenant.users.manage", async () => {
    const op = await login(t.app, "op@users-a.test");
    const res = await create(
      { email: "x@users-a.test", name: "X", password: NEW_PASSWORD, roles: [tenantWide("operator")] },
      op,
    );
    expect(res.statusCode).toBe(403);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/users", headers: op.headers });
    expect(list.statusCode).toBe(403);
  });
});

describe("listing and reading users", () => {
  it("pages through users by email", async () => {
    for (const n of [1, 2, 3]) await newUser(`page${n}@users-a.test`);
    const first = await t.app.inject({ method: "GET", url: "/api/v1/users?q=page&limit=2", headers: admin.headers });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((u: UserBody) => u.email)).toEqual(["page1@users-a.test", "page2@users-a.test"]);
    const next = await t.app.inject({
      method: "GET",
      url: `/api/v1/users?q=page&limit=2&cursor=${first.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(next.json().items.map((u: UserBody) => u.email)).toEqual(["page3@users-a.test"]);
    expect(next.json().nextCursor).toBeNull();
  });

  it("filters by role and returns one user by id", async () => {
    const admins = await t.app.inject({
      method: "GET",
      url: "/api/v1/users?role=tenant_admin",
      headers: admin.headers,
    });
    expect(admins.json().items.map((u: UserBody) => u.email)).toEqual(["admin@users-a.test"]);
    const one = await t.app.inject({ method: "GET", url: `/api/v1/users/${adminId}`, headers: admin.headers });
    expect(one.statusCode).toBe(200);
    expect(one.json().roles).toEqual([tenantWide("tenant_admin")]);
    expect(one.body).not.toMatch(/passwordHash/);
  });

  it("answers 404 for another tenant's user", async () => {
    const other = await t.ownerDb.user.findFirstOrThrow({ where: { email: "taken@users-b.test" } });
    const res = await t.app.inject({ method: "GET", url: `/api/v1/users/${other.id}`, headers: admin.headers });
    expect(res.statusCode).toBe(404);
  });
});

describe("updating users", () => {
  it("updates the profile and replaces roles, and answers 409 for a stale version", async () => {
    const user = await newUser("edit@users-a.test");
    const ok = await patch(user.id, { name: "Edited", roles: [{ role: "operator", buId: buPt }], version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      name: "Edited",
      version: 2,
      roles: [{ role: "operator", buId: buPt, storeId: null }],
    });
    const stale = await patch(user.id, { name: "Lost", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("STALE_VERSION");
    const bad = await patch(user.id, { roles: [{ role: "seller", buId: buEs, storeId: otherStore }], version: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("body.roles.0.storeId");
  });

  it("sets a new password: the new one signs in, the old one no longer does, old sessions end", async () => {
    const user = await newUser("reset@users-a.test");
    const before = await login(t.app, "reset@users-a.test", NEW_PASSWORD);
    const res = await patch(user.id, { password: "Another-pass-77", version: 1 });
    expect(res.statusCode).toBe(200);
    expect((await signIn("reset@users-a.test", NEW_PASSWORD)).statusCode).toBe(401);
    expect((await signIn("reset@users-a.test", "Another-pass-77")).statusCode).toBe(200);
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: before.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("unlock clears a lock-out", async () => {
    const user = await newUser("locked@users-a.test");
    for (let i = 0; i < 3; i++) await signIn("locked@users-a.test", "wrong-password-1");
    expect((await signIn("locked@users-a.test", NEW_PASSWORD)).statusCode).toBe(423);
    const locked = await t.app.inject({ method: "GET", url: `/api/v1/users/${user.id}`, headers: admin.headers });
    expect(locked.json().lockedUntil).not.toBeNull();
    const res = await patch(user.id, { unlock: true, version: locked.json().version });
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await signIn("locked@users-a.test", NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("a disabled user cannot sign in and loses their sessions", async () => {
    const user = await newUser("gone@users-a.test");
    const s = await login(t.app, "gone@users-a.test", NEW_PASSWORD);
    const res = await patch(user.id, { status: "disabled", version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("disabled");
    expect((await signIn("gone@users-a.test", NEW_PASSWORD)).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });

  it("a tenant admin cannot disable themselves or drop their own tenant_admin role", async () => {
    const me = (await t.app.inject({ method: "GET", url: `/api/v1/users/${adminId}`, headers: admin.headers })).json();
    const disable = await patch(adminId, { status: "disabled", version: me.version });
    expect(disable.statusCode).toBe(422);
    expect(disable.json().code).toBe("RULE_VIOLATION");
    expect(disable.json().detail).toMatch(/your own account/);
    const demote = await patch(adminId, { roles: [tenantWide("operator")], version: me.version });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().detail).toMatch(/your own tenant_admin/);
    const keep = await patch(adminId, {
      roles: [tenantWide("tenant_admin"), tenantWide("operator")],
      version: me.version,
    });
    expect(keep.statusCode).toBe(200);
    const still = await t.app.inject({ method: "GET", url: "/api/v1/users?limit=1", headers: admin.headers });
    expect(still.statusCode).toBe(200);
  });
});

describe("audit", () => {
  it("records creates and updates without secrets", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) =>
      tx.auditLog.findMany({ where: { module: "admin", entityType: "user" } }),
    );
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(new Set(["user.create", "user.update"]));
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/argon|passwordHash|New-password-42|Another-pass-77/);
    expect(text).toContain("passwordChanged");
  });
});
