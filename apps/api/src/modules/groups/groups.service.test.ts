import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let tenantId: string;
let admin: Session;
let ana: string;
let bob: string;
let outsider: string;
let buEs: string;
let buPt: string;
let otherBu: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("groups-a");
  tenantId = a.id;
  buEs = await a.bu("ES");
  buPt = await a.bu("PT", "PT");
  await a.user("admin@groups-a.test", [tenantWide("tenant_admin")]);
  ana = await a.user("ana@groups-a.test", [tenantWide("operator")]);
  bob = await a.user("bob@groups-a.test", [{ role: "operator", buId: buEs, storeId: null }]);
  const b = await t.tenant("groups-b");
  otherBu = await b.bu("ES");
  outsider = await b.user("out@groups-b.test", [tenantWide("operator")]);
  admin = await login(t.app, "admin@groups-a.test");
});

type GroupBody = { id: string; code: string; buId: string | null; memberIds: string[]; version: number };

const create = (payload: Record<string, unknown>, s: Session = admin) =>
  t.app.inject({ method: "POST", url: "/api/v1/groups", headers: s.headers, payload });

describe("groups", () => {
  it("creates groups with members and pages through them", async () => {
    const res = await create({
      code: "G1",
      name: "Field team",
      description: "Visits",
      buId: buEs,
      memberIds: [ana, bob, ana],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: "G1", buId: buEs, description: "Visits", version: 1 });
    expect([...res.json().memberIds].sort()).toEqual([ana, bob].sort());
    expect((await create({ code: "G2", name: "Back office" })).statusCode).toBe(201);
    expect((await create({ code: "G3", name: "Portugal", buId: buPt })).statusCode).toBe(201);
    const first = await t.app.inject({ method: "GET", url: "/api/v1/groups?limit=2", headers: admin.headers });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((g: GroupBody) => g.code)).toEqual(["G1", "G2"]);
    const next = await t.app.inject({
      method: "GET",
      url: `/api/v1/groups?limit=2&cursor=${first.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(next.json().items.map((g: GroupBody) => g.code)).toEqual(["G3"]);
    expect(next.json().nextCursor).toBeNull();
    const one = await t.app.inject({ method: "GET", url: `/api/v1/groups/${res.json().id}`, headers: admin.headers });
    expect(one.json().code).toBe("G1");
  });

  it("shows on each user the groups they belong to", async () => {
    const user = await t.app.inject({ method: "GET", url: `/api/v1/users/${ana}`, headers: admin.headers });
    expect(user.json().groupIds).toHaveLength(1);
  });

  it("shows a BU-scoped reader the tenant-level groups and those of their BUs only", async () => {
    const s = await login(t.app, "bob@groups-a.test");
    const list = await t.app.inject({ method: "GET", url: "/api/v1/groups", headers: s.headers });
    expect(list.json().items.map((g: GroupBody) => g.code)).toEqual(["G1", "G2"]);
    const all = (
      await t.app.inject({ method: "GET", url: "/api/v1/groups?q=portugal", headers: admin.headers })
    ).json();
    const hidden = await t.app.inject({ method: "GET", url: `/api/v1/groups/${all.items[0].id}`, headers: s.headers });
    expect(hidden.statusCode).toBe(404);
  });

  it("names body.memberIds when a member is not a user of this tenant", async () => {
    for (const id of [outsider, "00000000-0000-4000-8000-000000000000"]) {
      const res = await create({ code: "BAD", name: "Bad", memberIds: [ana, id] });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: "body.memberIds", message: expect.stringContaining(id) }]);
    }
  });

  it("names body.buId for another tenant's BU", async () => {
    const res = await create({ code: "BAD", name: "Bad", buId: otherBu });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("body.buId");
  });

  it("answers 409 naming body.code for a duplicate code", async () => {
    const res = await create({ code: "G1", name: "Again" });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe("body.code");
  });

  it("is forbidden to create for a role without tenant.groups.manage", async () => {
    const s = await login(t.app, "ana@groups-a.test");
    const res = await create({ code: "NOPE", name: "Nope" }, s);
    expect(res.statusCode).toBe(403);
  });

  it("replaces members when memberIds is given, keeps them otherwise, and refuses a stale version", async () => {
    const created = (await create({ code: "UPD", name: "Before", memberIds: [ana] })).json() as GroupBody;
    const url = `/api/v1/groups/${created.id}`;
    const renamed = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { name: "Renamed", version: 1 },
    });
    expect(renamed.json()).toMatchObject({ name: "Renamed", memberIds: [ana], version: 2 });
    const swapped = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { memberIds: [bob], version: 2 },
    });
    expect(swapped.statusCode).toBe(200);
    expect(swapped.json()).toMatchObject({ memberIds: [bob], version: 3 });
    const stale = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { memberIds: [], version: 2 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("STALE_VERSION");
    const foreign = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { memberIds: [outsider], version: 3 },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe("body.memberIds");
  });

  it("records an audit entry for every write", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) =>
      tx.auditLog.findMany({ where: { module: "admin", entityType: "group" } }),
    );
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["group.create", "group.update"]));
  });
});
