import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("pb-a");
  const es = await a.bu("ES");
  await a.user("admin@pb-a.test", [tenantWide("tenant_admin")]);
  await a.user("bu-admin@pb-a.test", [{ role: "bu_admin", buId: es, storeId: null }]);
  admin = await login(t.app, "admin@pb-a.test");
  await t.app.inject({
    method: "POST",
    url: "/api/v1/reply-templates",
    headers: admin.headers,
    payload: {
      code: "status.progress",
      locale: "es",
      name: "Estado",
      body: "Avance {{progress}} %, entrega {{expectedDate}}",
    },
  });
});

const post = (s: Session, payload: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: "/api/v1/playbooks", headers: s.headers, payload });
const statusPlaybook = {
  code: "status-request",
  name: "Estado del proyecto",
  trigger: "status_request",
  steps: [{ title: "Mandar el mensaje de estado", templateCode: "status.progress" }, { title: "Consultar el avance" }],
};

describe("playbooks", () => {
  it("creates, reads, lists and updates a playbook", async () => {
    const res = await post(admin, statusPlaybook);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...statusPlaybook, active: true, version: 1 });
    const url = `/api/v1/playbooks/${res.json().id}`;
    expect((await t.app.inject({ method: "GET", url, headers: admin.headers })).json().steps).toHaveLength(2);
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/playbooks?trigger=status_request",
      headers: admin.headers,
    });
    expect(list.json().items.map((p: { code: string }) => p.code)).toEqual(["status-request"]);
    const ok = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { steps: [{ title: "Solo un paso" }], version: 1 },
    });
    expect(ok.json()).toMatchObject({ steps: [{ title: "Solo un paso" }], version: 2 });
    expect(
      (await t.app.inject({ method: "PATCH", url, headers: admin.headers, payload: { active: false, version: 1 } }))
        .statusCode,
    ).toBe(409);
    expect((await post(admin, statusPlaybook)).statusCode).toBe(409);
  });

  it("answers 400 naming fields: trigger, steps and unknown templates", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...statusPlaybook, code: "p1", trigger: "birthday" }, "body.trigger"],
      [{ ...statusPlaybook, code: "p2", steps: [] }, "body.steps"],
      [{ ...statusPlaybook, code: "p3", steps: [{ title: "x".repeat(201) }] }, "body.steps.0.title"],
      [
        { ...statusPlaybook, code: "p4", steps: [{ title: "ok" }, { title: "ok", templateCode: "nope" }] },
        "body.steps.1.templateCode",
      ],
      [{ ...statusPlaybook, code: "p5", steps: Array.from({ length: 51 }, () => ({ title: "s" })) }, "body.steps"],
    ];
    for (const [payload, path] of cases) {
      const res = await post(admin, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it("is tenant-wide configuration: a BU admin cannot create one", async () => {
    const buAdmin = await login(t.app, "bu-admin@pb-a.test");
    expect((await post(buAdmin, { ...statusPlaybook, code: "bu" })).statusCode).toBe(403);
  });
});
