import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { TICKET_TYPES } from "@atende/domain";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let admin: Session;
let buAdmin: Session;
let es: string;
let pt: string;
let c24: string;
let office: string;
let otherTenantCalendar: string;

type Cell = {
  type: string;
  priority: string;
  policyId: string | null;
  policyCode: string | null;
  targets: unknown;
  calendarId: string | null;
};

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("matrix-a");
  es = await a.bu("ES");
  pt = await a.bu("PT", "PT");
  await a.user("admin@matrix-a.test", [tenantWide("tenant_admin")]);
  await a.user("bu-admin@matrix-a.test", [{ role: "bu_admin", buId: es, storeId: null }]);
  admin = await login(t.app, "admin@matrix-a.test");
  buAdmin = await login(t.app, "bu-admin@matrix-a.test");
  const calendar = async (code: string, definition: unknown) =>
    (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/calendars",
        headers: admin.headers,
        payload: { code, name: code, definition },
      })
    ).json().id as string;
  c24 = await calendar("c24", "24x7");
  office = await calendar("office", { timezone: "Europe/Madrid", hours: { mon: [["09:00", "18:00"]] } });
  const b = await t.tenant("matrix-b");
  otherTenantCalendar = await withTenant(
    t.db,
    b.id,
    async (tx) =>
      (await tx.businessCalendar.create({ data: { tenantId: b.id, code: "c24", name: "24x7", definition: "24x7" } }))
        .id,
  );
});

const getMatrix = async (s: Session, buId?: string) =>
  t.app.inject({ method: "GET", url: `/api/v1/sla-policies/matrix${buId ? `?buId=${buId}` : ""}`, headers: s.headers });
const putMatrix = (s: Session, payload: Record<string, unknown>) =>
  t.app.inject({ method: "PUT", url: "/api/v1/sla-policies/matrix", headers: s.headers, payload });
const cell = (cells: Cell[], type: string, priority: string) =>
  cells.find((c) => c.type === type && c.priority === priority)!;

describe("SLA matrix", () => {
  it("shows every type x priority, empty before any policy", async () => {
    const res = await getMatrix(admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().types).toEqual([...TICKET_TYPES]);
    expect(res.json().priorities.map((p: { code: string }) => p.code)).toEqual(["high", "medium", "low"]);
    expect(res.json().cells).toHaveLength(TICKET_TYPES.length * 3);
    expect(res.json().cells.every((c: Cell) => c.policyId === null && c.targets === null)).toBe(true);
  });

  it("reflects a PUT: one policy per cell, updated in place on the next PUT", async () => {
    const res = await putMatrix(admin, {
      cells: [
        { type: "incident", priority: "high", calendarId: c24, targets: { firstResponse: { minutes: 10 } } },
        {
          type: "defect",
          priority: "low",
          calendarId: office,
          targets: { resolution: { businessDays: 4 } },
          warningPercent: 80,
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const cells = (await getMatrix(admin)).json().cells as Cell[];
    const high = cell(cells, "incident", "high");
    expect(high).toMatchObject({
      policyCode: "matrix-all-incident-high",
      calendarId: c24,
      targets: { firstResponse: { minutes: 10 } },
    });
    expect(cell(cells, "defect", "low")).toMatchObject({
      calendarId: office,
      targets: { resolution: { businessDays: 4 } },
      warningPercent: 80,
    });
    expect(cell(cells, "incident", "low").policyId).toBeNull();
    await putMatrix(admin, {
      cells: [{ type: "incident", priority: "high", calendarId: c24, targets: { firstResponse: { minutes: 15 } } }],
    });
    const again = cell((await getMatrix(admin)).json().cells, "incident", "high");
    expect(again).toMatchObject({ policyId: high.policyId, targets: { firstResponse: { minutes: 15 } } });
    const policy = await t.app.inject({
      method: "GET",
      url: `/api/v1/sla-policies/${high.policyId}`,
      headers: admin.headers,
    });
    expect(policy.json()).toMatchObject({ version: 2, conditions: { types: ["incident"], priorities: ["high"] } });
  });

  it("a BU's cells override the tenant-wide ones for that BU only", async () => {
    const res = await putMatrix(buAdmin, {
      buId: es,
      cells: [{ type: "incident", priority: "high", calendarId: c24, targets: { firstResponse: { minutes: 5 } } }],
    });
    expect(res.statusCode).toBe(200);
    expect(cell(res.json().cells, "incident", "high")).toMatchObject({
      policyCode: `matrix-${es}-incident-high`,
      targets: { firstResponse: { minutes: 5 } },
    });
    expect(cell((await getMatrix(admin, pt)).json().cells, "incident", "high").targets).toEqual({
      firstResponse: { minutes: 15 },
    });
    expect(cell((await getMatrix(admin)).json().cells, "incident", "high").targets).toEqual({
      firstResponse: { minutes: 15 },
    });
    expect(
      (
        await putMatrix(buAdmin, {
          cells: [{ type: "task", priority: "low", calendarId: c24, targets: { resolution: { minutes: 60 } } }],
        })
      ).statusCode,
    ).toBe(403);
  });

  it("ranks a matrix cell ahead of another policy stating the same conditions", async () => {
    const other = await t.app.inject({
      method: "POST",
      url: "/api/v1/sla-policies",
      headers: admin.headers,
      payload: {
        code: "legacy",
        name: "Legacy",
        calendarId: c24,
        conditions: { types: ["incident"], priorities: ["high"] },
        targets: { firstResponse: { minutes: 99 } },
      },
    });
    expect(other.statusCode).toBe(201);
    expect(cell((await getMatrix(admin)).json().cells, "incident", "high").policyCode).toBe("matrix-all-incident-high");
    expect(cell((await getMatrix(admin)).json().cells, "improvement", "low").policyId).toBeNull();
  });

  it("writes nothing when one cell is invalid, naming each bad field", async () => {
    const before = (await getMatrix(admin)).json();
    const res = await putMatrix(admin, {
      cells: [
        { type: "incident", priority: "high", calendarId: c24, targets: { firstResponse: { minutes: 1 } } },
        { type: "task", priority: "urgent", calendarId: c24, targets: { resolution: { minutes: 60 } } },
        { type: "task", priority: "low", calendarId: otherTenantCalendar, targets: { resolution: { minutes: 60 } } },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "body.cells.1.priority",
      "body.cells.2.calendarId",
    ]);
    expect((await getMatrix(admin)).json()).toEqual(before);
  });

  it("answers 400 for a repeated cell or an unknown type", async () => {
    const dup = await putMatrix(admin, {
      cells: [
        { type: "task", priority: "low", calendarId: c24, targets: { resolution: { minutes: 60 } } },
        { type: "task", priority: "low", calendarId: c24, targets: { resolution: { minutes: 30 } } },
      ],
    });
    expect(dup.json().errors.map((e: { path: string }) => e.path)).toEqual(["body.cells.1.priority"]);
    const type = await putMatrix(admin, {
      cells: [{ type: "question", priority: "low", calendarId: c24, targets: { resolution: { minutes: 60 } } }],
    });
    expect(type.json().errors.map((e: { path: string }) => e.path)).toEqual(["body.cells.0.type"]);
  });
});
