import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let tenantId: string;
let admin: Session;
let buAdmin: Session;
let es: string;
let pt: string;

const office = {
  timezone: "Europe/Madrid",
  hours: { mon: [["09:00", "18:00"]], tue: [["09:00", "18:00"]] },
  holidays: ["2027-10-12"],
};

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("cal-a");
  tenantId = a.id;
  es = await a.bu("ES");
  pt = await a.bu("PT", "PT");
  await a.user("admin@cal-a.test", [tenantWide("tenant_admin")]);
  await a.user("bu-admin@cal-a.test", [{ role: "bu_admin", buId: es, storeId: null }]);
  await a.user("seller@cal-a.test", [tenantWide("seller")]);
  admin = await login(t.app, "admin@cal-a.test");
  buAdmin = await login(t.app, "bu-admin@cal-a.test");
});

const create = (s: Session, payload: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: "/api/v1/calendars", headers: s.headers, payload });

describe("calendars", () => {
  it("creates, reads, lists and updates a calendar with optimistic concurrency", async () => {
    const res = await create(admin, { code: "office", name: "Office", definition: office });
    expect(res.statusCode).toBe(201);
    const cal = res.json();
    expect(cal).toMatchObject({ code: "office", buId: null, version: 1, definition: { hours: { wed: [] } } });
    const one = await t.app.inject({ method: "GET", url: `/api/v1/calendars/${cal.id}`, headers: admin.headers });
    expect(one.json().definition.holidays).toEqual(["2027-10-12"]);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/calendars?q=offi", headers: admin.headers });
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual(["office"]);
    const url = `/api/v1/calendars/${cal.id}`;
    const ok = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { definition: "24x7", version: 1 },
    });
    expect(ok.json()).toMatchObject({ definition: "24x7", version: 2 });
    const stale = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { name: "X", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("STALE_VERSION");
  });

  it("answers 400 naming the field for a bad definition and 409 for a duplicate code", async () => {
    const bad = await create(admin, {
      code: "bad",
      name: "Bad",
      definition: { ...office, hours: { mon: [["18:00", "09:00"]] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/^body\.definition/);
    const noCode = await create(admin, { name: "No code", definition: "24x7" });
    expect(noCode.json().errors.map((e: { path: string }) => e.path)).toContain("body.code");
    const dup = await create(admin, { code: "office", name: "Again", definition: "24x7" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe("body.code");
  });

  it("lets a BU admin manage their BU's calendars only", async () => {
    const mine = await create(buAdmin, { code: "es-office", name: "ES office", buId: es, definition: office });
    expect(mine.statusCode).toBe(201);
    expect((await create(buAdmin, { code: "tenant-wide", name: "T", definition: "24x7" })).statusCode).toBe(403);
    expect((await create(buAdmin, { code: "pt-office", name: "PT", buId: pt, definition: "24x7" })).statusCode).toBe(
      403,
    );
    const ptCal = (await create(admin, { code: "pt-office", name: "PT", buId: pt, definition: "24x7" })).json();
    const hidden = await t.app.inject({
      method: "GET",
      url: `/api/v1/calendars/${ptCal.id}`,
      headers: buAdmin.headers,
    });
    expect(hidden.statusCode).toBe(404);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/calendars", headers: buAdmin.headers });
    expect(list.json().items.map((c: { code: string }) => c.code)).not.toContain("pt-office");
  });

  it("a seller (no sla.preview) cannot read calendars", async () => {
    const seller = await login(t.app, "seller@cal-a.test");
    expect((await t.app.inject({ method: "GET", url: "/api/v1/calendars", headers: seller.headers })).statusCode).toBe(
      403,
    );
  });

  it("records every write in the service_desk audit module", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) => tx.auditLog.findMany({ where: { module: "service_desk" } }));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["calendar.create", "calendar.update"]));
  });
});

describe("public holidays", () => {
  it("lists Spain's national public holidays of 2027, including 12 October", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/calendars/holidays?country=ES&year=2027",
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    const dates = res.json().map((h: { date: string }) => h.date);
    expect(dates).toContain("2027-10-12");
    expect(dates).toContain("2027-12-25");
    expect(res.json().find((h: { date: string }) => h.date === "2027-10-12").name).toMatch(/Fiesta Nacional/);
    const en = await t.app.inject({
      method: "GET",
      url: "/api/v1/calendars/holidays?country=ES&year=2027&lang=en",
      headers: admin.headers,
    });
    expect(en.json().find((h: { date: string }) => h.date === "2027-12-25").name).toBe("Christmas Day");
  });

  it("answers 400 naming querystring.country for an unknown or malformed country", async () => {
    for (const country of ["XX", "es"]) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/v1/calendars/holidays?country=${country}&year=2027`,
        headers: admin.headers,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe("querystring.country");
    }
  });
});
