import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let tenantId: string;
let admin: Session;
let calendarId: string;
let otherTenantCalendar: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("cat-a");
  tenantId = a.id;
  await a.user("admin@cat-a.test", [tenantWide("tenant_admin")]);
  admin = await login(t.app, "admin@cat-a.test");
  const cal = await t.app.inject({
    method: "POST",
    url: "/api/v1/calendars",
    headers: admin.headers,
    payload: {
      code: "bo",
      name: "Back-office",
      definition: { timezone: "Europe/Madrid", hours: { mon: [["07:00", "21:00"]] } },
    },
  });
  calendarId = cal.json().id;
  const b = await t.tenant("cat-b");
  otherTenantCalendar = await withTenant(
    t.db,
    b.id,
    async (tx) =>
      (await tx.businessCalendar.create({ data: { tenantId: b.id, code: "c", name: "c", definition: "24x7" } })).id,
  );
});

const post = (payload: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: "/api/v1/catalogue-items", headers: admin.headers, payload });
const item = (overrides: Record<string, unknown> = {}) => ({
  code: "report-recent",
  name: "Consumption report",
  description: "Less than 3 months",
  calendarId,
  targets: { resolution: { businessDays: 3 } },
  ...overrides,
});

describe("catalogue items", () => {
  it("creates an item with the SLA policy carrying its targets, and keeps that policy in step", async () => {
    const res = await post(item());
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      code: "report-recent",
      targets: { resolution: { businessDays: 3 } },
      active: true,
      version: 1,
    });
    const policies = await t.app.inject({
      method: "GET",
      url: "/api/v1/sla-policies?q=catalogue-report",
      headers: admin.headers,
    });
    expect(policies.json().items[0]).toMatchObject({
      code: "catalogue-report-recent",
      calendarId,
      conditions: { catalogueItemIds: [created.id] },
      targets: { resolution: { businessDays: 3 } },
    });
    const url = `/api/v1/catalogue-items/${created.id}`;
    const patched = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { targets: { firstResponse: { minutes: 480 } }, active: false, version: 1 },
    });
    expect(patched.json()).toMatchObject({ version: 2, active: false, targets: { firstResponse: { minutes: 480 } } });
    const policy = (
      await t.app.inject({ method: "GET", url: "/api/v1/sla-policies?q=catalogue-report", headers: admin.headers })
    ).json().items[0];
    expect(policy).toMatchObject({ active: false, targets: { firstResponse: { minutes: 480 } } });
    expect((await t.app.inject({ method: "GET", url, headers: admin.headers })).json().active).toBe(false);
    const stale = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { name: "X", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("answers 400 naming fields, including another tenant's calendar", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [item({ code: "c1", targets: {} }), "body.targets"],
      [item({ code: "c2", targets: { periodicUpdate: { minutes: 5 } } }), "body.targets"],
      [item({ code: "c3", name: "" }), "body.name"],
      [item({ code: "c4", calendarId: otherTenantCalendar }), "body.calendarId"],
    ];
    for (const [payload, path] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await post(item())).statusCode).toBe(409);
  });

  it("lists items and audits their writes", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/v1/catalogue-items", headers: admin.headers });
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual(["report-recent"]);
    const rows = await withTenant(t.db, tenantId, (tx) => tx.auditLog.findMany({ where: { module: "service_desk" } }));
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["catalogue_item.create", "catalogue_item.update"]),
    );
  });
});
