import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let tenantId: string;
let admin: Session;
let buEs: string;
let buPt: string;
let otherTenantId: string;
let otherTenantBu: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("stores-a");
  tenantId = a.id;
  buEs = await a.bu("ES");
  buPt = await a.bu("PT", "PT");
  await a.user("admin@stores-a.test", [tenantWide("tenant_admin")]);
  await a.user("op-es@stores-a.test", [{ role: "operator", buId: buEs, storeId: null }]);
  const b = await t.tenant("stores-b");
  otherTenantId = b.id;
  otherTenantBu = await b.bu("ES");
  admin = await login(t.app, "admin@stores-a.test");
});

const create = (s: Session, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/v1/stores", headers: { ...s.headers, ...headers }, payload });

describe("stores", () => {
  it("creates, reads and lists stores page by page", async () => {
    for (const code of ["S1", "S2", "S3"]) {
      const res = await create(admin, {
        buId: buEs,
        code,
        name: `Store ${code}`,
        address: "Calle 1",
        postcode: "28001",
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ buId: buEs, code, version: 1, address: "Calle 1" });
    }
    const first = await t.app.inject({ method: "GET", url: "/api/v1/stores?limit=2", headers: admin.headers });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((s: { code: string }) => s.code)).toEqual(["S1", "S2"]);
    const cursor = first.json().nextCursor as string;
    expect(cursor).toBeTruthy();
    const second = await t.app.inject({
      method: "GET",
      url: `/api/v1/stores?limit=2&cursor=${cursor}`,
      headers: admin.headers,
    });
    expect(second.json().items.map((s: { code: string }) => s.code)).toEqual(["S3"]);
    expect(second.json().nextCursor).toBeNull();
    const id = first.json().items[0].id as string;
    const one = await t.app.inject({ method: "GET", url: `/api/v1/stores/${id}`, headers: admin.headers });
    expect(one.statusCode).toBe(200);
    expect(one.json().code).toBe("S1");
  });

  it("filters by BU and by text", async () => {
    await create(admin, { buId: buPt, code: "LIS", name: "Lisboa" });
    const byBu = await t.app.inject({ method: "GET", url: `/api/v1/stores?buId=${buPt}`, headers: admin.headers });
    expect(byBu.json().items.map((s: { code: string }) => s.code)).toEqual(["LIS"]);
    const byText = await t.app.inject({ method: "GET", url: "/api/v1/stores?q=lisb", headers: admin.headers });
    expect(byText.json().items.map((s: { code: string }) => s.code)).toEqual(["LIS"]);
    const page1 = await t.app.inject({
      method: "GET",
      url: "/api/v1/stores?q=store&sort=-code&limit=2",
      headers: admin.headers,
    });
    expect(page1.json().items.map((s: { code: string }) => s.code)).toEqual(["S3", "S2"]);
    const page2 = await t.app.inject({
      method: "GET",
      url: `/api/v1/stores?q=store&sort=-code&limit=2&cursor=${page1.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(page2.json().items.map((s: { code: string }) => s.code)).toEqual(["S1"]);
  });

  it("shows a BU-scoped user only the stores of their BUs", async () => {
    const op = await login(t.app, "op-es@stores-a.test");
    const list = await t.app.inject({ method: "GET", url: "/api/v1/stores?limit=100", headers: op.headers });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { buId: string; id: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.buId === buEs)).toBe(true);
    const filtered = await t.app.inject({ method: "GET", url: `/api/v1/stores?buId=${buPt}`, headers: op.headers });
    expect(filtered.json().items).toEqual([]);
    const all = await t.app.inject({ method: "GET", url: "/api/v1/stores?q=LIS", headers: admin.headers });
    const lisbon = all.json().items[0].id as string;
    const hidden = await t.app.inject({ method: "GET", url: `/api/v1/stores/${lisbon}`, headers: op.headers });
    expect(hidden.statusCode).toBe(404);
  });

  it("refuses creating for a role without tenant.stores.manage", async () => {
    const op = await login(t.app, "op-es@stores-a.test");
    const res = await create(op, { buId: buEs, code: "NOPE", name: "Nope" });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("FORBIDDEN");
  });

  it("names body.buId for an unknown BU or another tenant's BU", async () => {
    for (const buId of [otherTenantBu, "00000000-0000-4000-8000-000000000000"]) {
      const res = await create(admin, { buId, code: "X1", name: "X" });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: "body.buId", message: expect.any(String) }]);
    }
  });

  it("answers 409 naming body.code for a duplicate code", async () => {
    const res = await create(admin, { buId: buPt, code: "S1", name: "Again" });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("CONFLICT");
    expect(res.json().errors[0].path).toBe("body.code");
  });

  it("replays an idempotent create instead of creating twice", async () => {
    const headers = { "idempotency-key": "store-once" };
    const first = await create(admin, { buId: buEs, code: "IDEM", name: "Once" }, headers);
    const again = await create(admin, { buId: buEs, code: "IDEM", name: "Once" }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(first.json().id);
  });

  it("updates with the current version and answers 409 for a stale one", async () => {
    const created = (await create(admin, { buId: buEs, code: "UPD", name: "Before" })).json();
    const url = `/api/v1/stores/${created.id}`;
    const ok = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { name: "After", postcode: null, version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: "After", postcode: null, version: 2 });
    const stale = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { name: "Lost", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("STALE_VERSION");
    const dup = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { code: "S2", version: 2 },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe("CONFLICT");
  });

  it("answers 404 for another tenant's store", async () => {
    const store = await withTenant(t.db, otherTenantId, (tx) =>
      tx.store.create({ data: { tenantId: otherTenantId, buId: otherTenantBu, code: "B1", name: "B" } }),
    );
    const get = await t.app.inject({ method: "GET", url: `/api/v1/stores/${store.id}`, headers: admin.headers });
    expect(get.statusCode).toBe(404);
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/stores/${store.id}`,
      headers: admin.headers,
      payload: { name: "Mine", version: 1 },
    });
    expect(patch.statusCode).toBe(404);
  });

  it("records an audit entry for every write", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) =>
      tx.auditLog.findMany({ where: { module: "admin", entityType: "store" } }),
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toContain("store.create");
    expect(actions).toContain("store.update");
    expect(rows.every((r) => r.actorLabel === "admin@stores-a.test")).toBe(true);
  });
});
