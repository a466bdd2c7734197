import { beforeAll, describe, expect, it } from "vitest";
import { defaultBuParameters } from "@atende/domain";
import { createTestApp, login, tenantWide, type TestApp } from "../../../test/app";

let t: TestApp;
let es: string;
let pt: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("params-a");
  await a.user("admin@p-a.test", [tenantWide("tenant_admin")]);
  es = await a.bu("ES", "ES");
  pt = await a.bu("PT", "PT");
  await a.user("bu-admin@p-a.test", [{ role: "bu_admin", buId: es, storeId: null }]);
  await a.user("seller@p-a.test", [tenantWide("seller")]);
});

const url = (buId: string) => `/api/v1/business-units/${buId}/parameters`;

describe("BU parameters", () => {
  it("starts from the country's defaults (version 0 when never saved)", async () => {
    const s = await login(t.app, "bu-admin@p-a.test");
    const res = await t.app.inject({ method: "GET", url: url(es), headers: s.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, parameters: defaultBuParameters("ES") });
  });

  it("saves a new version, audits before/after and lists it in the history", async () => {
    const s = await login(t.app, "bu-admin@p-a.test");
    const parameters = { ...defaultBuParameters("ES"), orderBufferHours: 60 };
    const res = await t.app.inject({
      method: "PUT",
      url: url(es),
      headers: s.headers,
      payload: { version: 0, parameters, comment: "longer buffer" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 1,
      parameters: { orderBufferHours: 60 },
      changedBy: { name: "bu-admin" },
    });
    const again = await t.app.inject({
      method: "PUT",
      url: url(es),
      headers: s.headers,
      payload: { version: 1, parameters: { ...parameters, travelBufferMinutes: 45 } },
    });
    expect(again.json().version).toBe(2);
    const history = await t.app.inject({ method: "GET", url: `${url(es)}/history`, headers: s.headers });
    expect(history.json().items[0]).toMatchObject({
      version: 2,
      changes: [{ key: "travelBufferMinutes", before: 30, after: 45 }],
    });
    const audit = await t.app.inject({ method: "GET", url: "/api/v1/audit?module=parameters", headers: s.headers });
    expect(audit.json().items[0]).toMatchObject({
      action: "bu_parameters.update",
      before: { travelBufferMinutes: 30 },
      after: { travelBufferMinutes: 45 },
    });
  });

  it("refuses a stale version with 409 and an unchanged set with 422", async () => {
    const s = await login(t.app, "admin@p-a.test");
    const current = (await t.app.inject({ method: "GET", url: url(es), headers: s.headers })).json();
    const stale = await t.app.inject({
      method: "PUT",
      url: url(es),
      headers: s.headers,
      payload: { version: current.version - 1, parameters: current.parameters },
    });
    expect(stale.statusCode).toBe(409);
    const same = await t.app.inject({
      method: "PUT",
      url: url(es),
      headers: s.headers,
      payload: { version: current.version, parameters: current.parameters },
    });
    expect(same.statusCode).toBe(422);
  });

  it("names the parameter in validation errors and writes nothing", async () => {
    const s = await login(t.app, "admin@p-a.test");
    const before = (await t.app.inject({ method: "GET", url: url(pt), headers: s.headers })).json();
    const res = await t.app.inject({
      method: "PUT",
      url: url(pt),
      headers: s.headers,
      payload: { version: before.version, parameters: { ...before.parameters, automaticAssignmentAttempts: 9 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("body.parameters.automaticAssignmentAttempts");
    const after = (await t.app.inject({ method: "GET", url: url(pt), headers: s.headers })).json();
    expect(after.version).toBe(before.version);
  });

  it("a BU admin of Spain cannot see Portugal's parameters; a seller cannot edit", async () => {
    const buAdmin = await login(t.app, "bu-admin@p-a.test");
    expect((await t.app.inject({ method: "GET", url: url(pt), headers: buAdmin.headers })).statusCode).toBe(404);
    const seller = await login(t.app, "seller@p-a.test");
    const res = await t.app.inject({
      method: "PUT",
      url: url(es),
      headers: seller.headers,
      payload: { version: 2, parameters: defaultBuParameters("ES") },
    });
    expect(res.statusCode).toBe(403);
  });
});
