import { beforeAll, describe, expect, it } from "vitest";
import { NOTIFICATION_EVENTS } from "@atende/contracts";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("tpl-a");
  const es = await a.bu("ES");
  await a.user("admin@tpl-a.test", [tenantWide("tenant_admin")]);
  await a.user("bu-admin@tpl-a.test", [{ role: "bu_admin", buId: es, storeId: null }]);
  admin = await login(t.app, "admin@tpl-a.test");
});

describe("reply templates", () => {
  const post = (payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: "/api/v1/reply-templates", headers: admin.headers, payload });

  it("creates per code and locale, lists by locale and updates with the version", async () => {
    const es = await post({
      code: "status.progress",
      locale: "es",
      name: "Estado",
      body: "Hola {{customerName}}: {{progress}} %",
    });
    expect(es.statusCode).toBe(201);
    expect(
      (await post({ code: "status.progress", locale: "en", name: "Status", body: "Hi {{customerName}}" })).statusCode,
    ).toBe(201);
    const dup = await post({ code: "status.progress", locale: "es", name: "Otra", body: "x" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe("body.code");
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/reply-templates?locale=es",
      headers: admin.headers,
    });
    expect(list.json().items.map((i: { locale: string }) => i.locale)).toEqual(["es"]);
    const url = `/api/v1/reply-templates/${es.json().id}`;
    const ok = await t.app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { body: "Nuevo {{expectedDate}}", version: 1 },
    });
    expect(ok.json()).toMatchObject({ body: "Nuevo {{expectedDate}}", version: 2 });
    expect(
      (await t.app.inject({ method: "PATCH", url, headers: admin.headers, payload: { name: "x", version: 1 } }))
        .statusCode,
    ).toBe(409);
  });

  it("answers 400 naming fields", async () => {
    const res = await post({ code: "bad code!", locale: "fr", name: "x", body: "" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["body.code", "body.locale", "body.body"]);
  });
});

describe("notification templates", () => {
  it("lists the built-in template of every event in en and es until saved", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/notification-templates", headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      event: string;
      locale: string;
      version: number;
      id: string | null;
      body: string;
    }>;
    expect(items).toHaveLength(NOTIFICATION_EVENTS.length * 2);
    expect(items.every((i) => i.version === 0 && i.id === null)).toBe(true);
    expect(items.find((i) => i.event === "ticket.created" && i.locale === "es")!.body).toContain("{{ticketNumber}}");
  });

  it("saves a template per event and locale, with an optional version check", async () => {
    const url = "/api/v1/notification-templates/ticket.created/es";
    const first = await t.app.inject({
      method: "PUT",
      url,
      headers: admin.headers,
      payload: { subject: "Caso {{ticketNumber}}", body: "Hola {{customerName}}", version: 0 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ event: "ticket.created", locale: "es", version: 1 });
    const second = await t.app.inject({
      method: "PUT",
      url,
      headers: admin.headers,
      payload: { subject: "S", body: "B" },
    });
    expect(second.json().version).toBe(2);
    const stale = await t.app.inject({
      method: "PUT",
      url,
      headers: admin.headers,
      payload: { subject: "S", body: "B", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/notification-templates?event=ticket.created",
      headers: admin.headers,
    });
    expect(list.json().items.map((i: { locale: string; version: number }) => [i.locale, i.version])).toEqual([
      ["en", 0],
      ["es", 2],
    ]);
  });

  it("answers 400 for an unknown event and 403 for a BU admin", async () => {
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/v1/notification-templates/ticket.exploded/es",
      headers: admin.headers,
      payload: { subject: "S", body: "B" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("params.event");
    const buAdmin = await login(t.app, "bu-admin@tpl-a.test");
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/v1/notification-templates/ticket.created/en",
      headers: buAdmin.headers,
      payload: { subject: "S", body: "B" },
    });
    expect(res.statusCode).toBe(403);
  });
});
