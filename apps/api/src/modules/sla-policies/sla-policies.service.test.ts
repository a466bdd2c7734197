import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { ZSlaPolicyInput } from "@atende/domain";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";
import { activePolicies } from "./sla-policies.repo";

let t: TestApp;
let tenantId: string;
let admin: Session;
let es: string;
let calendarId: string;
let otherTenantCalendar: string;
let groupId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("slap-a");
  tenantId = a.id;
  es = await a.bu("ES");
  await a.user("admin@slap-a.test", [tenantWide("tenant_admin")]);
  await a.user("op@slap-a.test", [tenantWide("operator")]);
  admin = await login(t.app, "admin@slap-a.test");
  const cal = await t.app.inject({
    method: "POST",
    url: "/api/v1/calendars",
    headers: admin.headers,
    payload: { code: "c24", name: "24x7", definition: "24x7" },
  });
  calendarId = cal.json().id;
  groupId = await withTenant(
    t.db,
    tenantId,
    async (tx) => (await tx.group.create({ data: { tenantId, code: "L1", name: "L1" } })).id,
  );
  const b = await t.tenant("slap-b");
  otherTenantCalendar = await withTenant(
    t.db,
    b.id,
    async (tx) =>
      (await tx.businessCalendar.create({ data: { tenantId: b.id, code: "c24", name: "24x7", definition: "24x7" } }))
        .id,
  );
});

const policy = (overrides: Record<string, unknown> = {}) => ({
  code: "inc-high",
  name: "High incident",
  calendarId,
  conditions: { types: ["incident"], priorities: ["high"] },
  targets: { firstResponse: { minutes: 10 }, periodicUpdate: { minutes: 180 } },
  escalation: [
    { level: 1, label: "CS analyst", offsetMinutes: 0, from: "creation", targetGroupId: groupId, actions: ["notify"] },
  ],
  ...overrides,
});

const post = (payload: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: "/api/v1/sla-policies", headers: admin.headers, payload });
const paths = (res: { json: () => { errors?: Array<{ path: string }> } }) =>
  (res.json().errors ?? []).map((e) => e.path);

describe("SLA policies", () => {
  it("creates, reads, lists and updates a policy with optimistic concurrency", async () => {
    const res = await post(policy());
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      code: "inc-high",
      buId: null,
      rank: 100,
      warningPercent: 75,
      active: true,
      version: 1,
      channelRules: [],
    });
    const op = await login(t.app, "op@slap-a.test");
    const one = await t.app.inject({ method: "GET", url: `/api/v1/sla-policies/${created.id}`, headers: op.headers });
    expect(one.json().escalation[0].targetGroupId).toBe(groupId);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/sla-policies?q=high", headers: op.headers });
    expect(list.json().items.map((p: { code: string }) => p.code)).toEqual(["inc-high"]);
    const url = `/api/v1/sla-policies/${created.id}`;
    const ok = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { warningPercent: 80, version: 1 },
    });
    expect(ok.json()).toMatchObject({ warningPercent: 80, version: 2, targets: { firstResponse: { minutes: 10 } } });
    const stale = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { rank: 1, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("stores the domain's shape: rows read back as policies ZSlaPolicyInput accepts", async () => {
    const stored = await withTenant(t.db, tenantId, (tx) => activePolicies(tx, tenantId));
    expect(stored.length).toBeGreaterThan(0);
    for (const p of stored) expect(ZSlaPolicyInput.parse(p)).toMatchObject({ id: p.id, calendarId });
  });

  it("answers 400 naming each invalid field", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [policy({ code: "a1", targets: {} }), "body.targets"],
      [
        policy({ code: "a2", targets: { resolution: { minutes: 5, businessDays: 1 } } }),
        "body.targets.resolution.businessDays",
      ],
      [policy({ code: "a3", calendarId: "not-a-uuid" }), "body.calendarId"],
      [
        policy({ code: "a4", channelRules: [{ priority: "low", allowedChannels: ["email"], autoReplyTemplate: "x" }] }),
        "body.channelRules.0.priority",
      ],
      [policy({ code: "a5", conditions: { channels: ["fax"] } }), "body.conditions.channels.0"],
      [policy({ code: "matrix-x" }), "body.code"],
      [policy({ code: "a6", conditions: { priorities: ["urgent"] } }), "body.conditions.priorities"],
    ];
    for (const [payload, path] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(paths(res)).toContain(path);
    }
  });

  it("answers 400 naming body.calendarId for another tenant's calendar and unknown escalation targets", async () => {
    const cross = await post(policy({ code: "x1", calendarId: otherTenantCalendar }));
    expect(cross.statusCode).toBe(400);
    expect(paths(cross)).toEqual(["body.calendarId"]);
    const escalation = [
      {
        level: 1,
        label: "L",
        offsetMinutes: 0,
        from: "creation",
        targetGroupId: otherTenantCalendar,
        actions: ["notify"],
      },
    ];
    const group = await post(policy({ code: "x2", escalation }));
    expect(paths(group)).toEqual(["body.escalation.0.targetGroupId"]);
  });

  it("scopes a BU's policy to that BU through its conditions", async () => {
    const res = await post(policy({ code: "es-inc", buId: es }));
    expect(res.statusCode).toBe(201);
    expect(res.json().conditions.buIds).toEqual([es]);
    const other = await post(policy({ code: "es-inc2", buId: es, conditions: { buIds: [calendarId] } }));
    expect(paths(other)).toContain("body.conditions.buIds");
    const byBu = await t.app.inject({ method: "GET", url: `/api/v1/sla-policies?buId=${es}`, headers: admin.headers });
    expect(byBu.json().items.map((p: { code: string }) => p.code)).toEqual(["es-inc"]);
  });

  it("checks cross-field rules on the merged policy of a PATCH", async () => {
    const created = (
      await post(
        policy({
          code: "rules",
          conditions: { priorities: ["high", "low"] },
          channelRules: [{ priority: "low", allowedChannels: ["email"], autoReplyTemplate: "use-email" }],
        }),
      )
    ).json();
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/sla-policies/${created.id}`,
      headers: admin.headers,
      payload: { conditions: { priorities: ["high"] }, version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(["body.channelRules.0.priority"]);
  });

  it("audits creates and updates in the service_desk module", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) =>
      tx.auditLog.findMany({ where: { module: "service_desk", entityType: "sla_policy" } }),
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["sla_policy.create", "sla_policy.update"]));
  });
});
