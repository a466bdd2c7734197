import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PRIORITIES } from "@atende/domain";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("prio-a");
  const es = await a.bu("ES");
  await a.user("admin@prio-a.test", [tenantWide("tenant_admin")]);
  await a.user("bu-admin@prio-a.test", [{ role: "bu_admin", buId: es, storeId: null }]);
  await a.user("op@prio-a.test", [tenantWide("operator")]);
  admin = await login(t.app, "admin@prio-a.test");
});

const put = (s: Session, levels: unknown) =>
  t.app.inject({ method: "PUT", url: "/api/v1/priorities", headers: s.headers, payload: { levels } });

describe("priorities", () => {
  it("shows the default levels until the tenant saves its own", async () => {
    const op = await login(t.app, "op@prio-a.test");
    const res = await t.app.inject({ method: "GET", url: "/api/v1/priorities", headers: op.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: DEFAULT_PRIORITIES, isDefault: true });
  });

  it("replaces the levels and reads them back in rank order", async () => {
    const levels = [
      { code: "low", rank: 4 },
      { code: "critical", rank: 1, description: { en: "Everything is down", es: "Todo caído" } },
      { code: "high", rank: 2 },
      { code: "medium", rank: 3 },
    ];
    const res = await put(admin, levels);
    expect(res.statusCode).toBe(200);
    expect(res.json().isDefault).toBe(false);
    expect(res.json().items.map((l: { code: string }) => l.code)).toEqual(["critical", "high", "medium", "low"]);
    expect(res.json().items[0].description).toEqual({ en: "Everything is down", es: "Todo caído" });
  });

  it("answers 400 naming body.levels for repeated codes", async () => {
    const res = await put(admin, [
      { code: "a", rank: 1 },
      { code: "a", rank: 2 },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("body.levels");
  });

  it("refuses with 422 to remove a level an SLA policy uses, naming it", async () => {
    const cal = await t.app.inject({
      method: "POST",
      url: "/api/v1/calendars",
      headers: admin.headers,
      payload: { code: "c24", name: "24x7", definition: "24x7" },
    });
    const policy = await t.app.inject({
      method: "POST",
      url: "/api/v1/sla-policies",
      headers: admin.headers,
      payload: {
        code: "crit",
        name: "Critical",
        calendarId: cal.json().id,
        conditions: { priorities: ["critical"] },
        targets: { firstResponse: { minutes: 5 } },
      },
    });
    expect(policy.statusCode).toBe(201);
    const res = await put(admin, [
      { code: "high", rank: 1 },
      { code: "medium", rank: 2 },
      { code: "low", rank: 3 },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("RULE_VIOLATION");
    expect(res.json().detail).toContain("critical");
    expect(res.json().detail).toContain("crit");
    const after = await t.app.inject({ method: "GET", url: "/api/v1/priorities", headers: admin.headers });
    expect(after.json().items).toHaveLength(4);
  });

  it("is a tenant-wide setting: a BU admin gets 403", async () => {
    const buAdmin = await login(t.app, "bu-admin@prio-a.test");
    expect((await put(buAdmin, [{ code: "x", rank: 1 }])).statusCode).toBe(403);
  });
});
