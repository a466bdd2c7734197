import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let tenantId: string;
let admin: Session;
let es: string;

const DAY = 24 * 3_600_000;
const inDays = (days: number, hours = 2) => ({
  startsAt: new Date(Date.now() + days * DAY).toISOString(),
  endsAt: new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString(),
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("mw-a");
  tenantId = a.id;
  es = await a.bu("ES");
  await a.user("admin@mw-a.test", [tenantWide("tenant_admin")]);
  admin = await login(t.app, "admin@mw-a.test");
  await withTenant(t.db, tenantId, async (tx) => {
    const uk = await tx.businessUnit.create({
      data: {
        tenantId,
        code: "UK",
        name: "UK",
        timezone: "Europe/London",
        locale: "en",
        currency: "GBP",
        country: "GB",
      },
    });
    await tx.customer.createMany({
      data: [
        { tenantId, buId: es, name: "Ana", email: "ana@example.test" },
        { tenantId, buId: es, name: "Bea", email: "bea@example.test", flags: ["problematic"] },
        { tenantId, buId: es, name: "Sin correo" },
        { tenantId, buId: uk.id, name: "Uma", email: "uma@example.test" },
        { tenantId, name: "Nobu", email: "nobu@example.test" },
      ],
    });
  });
});

const post = (payload: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: "/api/v1/maintenance-windows", headers: admin.headers, payload });
const outbox = () =>
  withTenant(t.db, tenantId, (tx) => tx.outbox.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } }));
const windows = () => withTenant(t.db, tenantId, (tx) => tx.maintenanceWindow.count({ where: { tenantId } }));

describe("maintenance windows", () => {
  it("refuses a scheduled window announced less than 3 business days ahead (422) and writes nothing", async () => {
    const res = await post({ kind: "scheduled", title: "DB upgrade", buId: es, ...inDays(1) });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("RULE_VIOLATION");
    expect(res.json().detail).toContain("at least 3 business days ahead");
    expect(res.json().detail).toContain("earliest start");
    expect(await windows()).toBe(0);
    expect(await outbox()).toHaveLength(0);
  });

  it("requires a reason of 10-500 characters for an emergency window (400) and an end after the start", async () => {
    const missing = await post({ kind: "emergency", title: "Hotfix", ...inDays(0) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(["body.reason"]);
    const short = await post({ kind: "emergency", title: "Hotfix", reason: "too short", ...inDays(0) });
    expect(short.json().errors.map((e: { path: string }) => e.path)).toEqual(["body.reason"]);
    const backwards = await post({
      kind: "emergency",
      title: "Hotfix",
      reason: "Certificate expired on the gateway",
      ...inDays(0, -1),
    });
    expect(backwards.json().errors.map((e: { path: string }) => e.path)).toEqual(["body.endsAt"]);
    expect(await windows()).toBe(0);
  });

  it("creates a scheduled window far enough ahead and e-mails the BU's subscribers in its language", async () => {
    const res = await post({
      kind: "scheduled",
      title: "Actualización de base de datos",
      buId: es,
      product: "Portal",
      ...inDays(10),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: "scheduled", buId: es, product: "Portal", notified: 2 });
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.kind === "email" && r.status === "pending")).toBe(true);
    const payloads = rows.map((r) => r.payload as { to: string; subject: string; text: string });
    expect(payloads.map((p) => p.to).sort()).toEqual(["ana@example.test", "bea@example.test"]);
    expect(payloads[0]!.subject).toContain("Ventana de mantenimiento: Actualización de base de datos");
    expect(payloads[0]!.text).toMatch(/Hola (Ana|Bea):/);
    expect(payloads[0]!.text).toContain("mantenimiento programado en Portal");
    expect(payloads[0]!.text).toContain("(Europe/Madrid)");
  });

  it("announces an emergency window without BU to every customer with an e-mail, each in their BU's language", async () => {
    const before = (await outbox()).length;
    const res = await post({
      kind: "emergency",
      title: "Gateway restart",
      reason: "Certificate expired on the gateway",
      ...inDays(0),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().notified).toBe(4);
    const payloads = (await outbox())
      .slice(before)
      .map((r) => r.payload as { to: string; subject: string; text: string });
    const byTo = new Map(payloads.map((p) => [p.to, p]));
    expect(byTo.get("uma@example.test")!.text).toContain("We will carry out emergency maintenance on our services.");
    expect(byTo.get("uma@example.test")!.text).toContain("Reason: Certificate expired on the gateway");
    expect(byTo.get("ana@example.test")!.text).toContain("mantenimiento de emergencia");
    expect(byTo.get("nobu@example.test")!.text).toContain("(UTC)");
  });

  it("counts the notice on the tenant's business calendar when there is one", async () => {
    const cal = await t.app.inject({
      method: "POST",
      url: "/api/v1/calendars",
      headers: admin.headers,
      payload: { code: "business", name: "Always", definition: "24x7" },
    });
    expect(cal.statusCode).toBe(201);
    expect((await post({ kind: "scheduled", title: "Soon", ...inDays(2.9) })).statusCode).toBe(422);
    expect((await post({ kind: "scheduled", title: "Later", ...inDays(3.1) })).statusCode).toBe(201);
  });

  it("lists windows overlapping a period, by start", async () => {
    const from = new Date(Date.now() + 5 * DAY).toISOString();
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/maintenance-windows?from=${encodeURIComponent(from)}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((w: { title: string }) => w.title)).toEqual(["Actualización de base de datos"]);
    const all = await t.app.inject({
      method: "GET",
      url: "/api/v1/maintenance-windows?limit=2",
      headers: admin.headers,
    });
    expect(all.json().items.map((w: { title: string }) => w.title)).toEqual(["Gateway restart", "Later"]);
    const next = await t.app.inject({
      method: "GET",
      url: `/api/v1/maintenance-windows?limit=2&cursor=${all.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(next.json().items.map((w: { title: string }) => w.title)).toEqual(["Actualización de base de datos"]);
  });
});
