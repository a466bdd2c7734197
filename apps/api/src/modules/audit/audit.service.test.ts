import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let admin: Session;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("audit-a");
  adminId = await a.user("admin@audit-a.test", [tenantWide("tenant_admin")]);
  await a.user("op@audit-a.test", [tenantWide("operator")]);
  admin = await login(t.app, "admin@audit-a.test");
  await t.app.inject({
    method: "POST",
    url: "/api/v1/business-units",
    headers: admin.headers,
    payload: {
      code: "F1",
      name: 'Formula, "quoted"',
      timezone: "Europe/Madrid",
      locale: "es",
      currency: "EUR",
      country: "ES",
    },
  });
});

describe("audit log", () => {
  it("filters by user, module and date range, newest first", async () => {
    const byModule = (
      await t.app.inject({ method: "GET", url: "/api/v1/audit?module=admin", headers: admin.headers })
    ).json();
    expect(byModule.items.map((e: { action: string }) => e.action)).toEqual(["business_unit.create"]);
    const byUser = (
      await t.app.inject({ method: "GET", url: `/api/v1/audit?userId=${adminId}`, headers: admin.headers })
    ).json();
    expect(byUser.items.map((e: { action: string }) => e.action)).toEqual(["business_unit.create", "auth.sign_in"]);
    const future = (
      await t.app.inject({ method: "GET", url: "/api/v1/audit?from=2999-01-01T00:00:00Z", headers: admin.headers })
    ).json();
    expect(future.items).toEqual([]);
    const backwards = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
      headers: admin.headers,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it("exports the filtered log as CSV with quoted cells", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/audit/export?module=admin", headers: admin.headers });
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, row, ...rest] = res.body.trim().split("\r\n");
    expect(header).toBe("at,actor,action,module,entity_type,entity_id,outcome,source_ip,before,after");
    expect(rest).toEqual([]);
    expect(row).toContain("business_unit.create");
    expect(row).toContain('""name"":""Formula, \\""quoted\\""""');
  });

  it("is refused to roles without audit.read", async () => {
    const op = await login(t.app, "op@audit-a.test");
    expect((await t.app.inject({ method: "GET", url: "/api/v1/audit", headers: op.headers })).statusCode).toBe(403);
  });
});
