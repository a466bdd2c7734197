import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let admin: Session;

const bu = (code: string, country = "ES") => ({
  code,
  name: `Unit ${code}`,
  timezone: "Europe/Madrid",
  locale: "es",
  currency: "EUR",
  country,
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("bu-a");
  await a.user("admin@bu-a.test", [tenantWide("tenant_admin")]);
  await a.user("op@bu-a.test", [tenantWide("operator")]);
  admin = await login(t.app, "admin@bu-a.test");
});

describe("business units", () => {
  it("creates a BU with its country's default parameters as version 1", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/business-units",
      headers: admin.headers,
      payload: bu("PT1", "PT"),
    });
    expect(res.statusCode).toBe(201);
    const params = await t.app.inject({
      method: "GET",
      url: `/api/v1/business-units/${res.json().id}/parameters`,
      headers: admin.headers,
    });
    expect(params.json()).toMatchObject({
      version: 1,
      parameters: { orderBufferHours: 72, skipContractAllowed: false },
    });
  });

  it("refuses an invalid time zone, naming the field", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/business-units",
      headers: admin.headers,
      payload: { ...bu("BAD"), timezone: "Mars/Olympus" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain("body.timezone");
  });

  it("answers 409 on a duplicate code and on a stale version", async () => {
    const first = await t.app.inject({
      method: "POST",
      url: "/api/v1/business-units",
      headers: admin.headers,
      payload: bu("DUP"),
    });
    const dup = await t.app.inject({
      method: "POST",
      url: "/api/v1/business-units",
      headers: admin.headers,
      payload: bu("DUP"),
    });
    expect(dup.statusCode).toBe(409);
    const id = first.json().id as string;
    const ok = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/business-units/${id}`,
      headers: admin.headers,
      payload: { name: "Renamed", version: 1 },
    });
    expect(ok.json()).toMatchObject({ name: "Renamed", version: 2 });
    const stale = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/business-units/${id}`,
      headers: admin.headers,
      payload: { name: "Again", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("STALE_VERSION");
  });

  it("pages with a search term kept on every page", async () => {
    for (const code of ["PAGE1", "PAGE2", "PAGE3", "OTHER"]) {
      await t.app.inject({ method: "POST", url: "/api/v1/business-units", headers: admin.headers, payload: bu(code) });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/business-units?q=page&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await t.app.inject({ method: "GET", url, headers: admin.headers });
      seen.push(...page.json().items.map((i: { code: string }) => i.code));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(["PAGE1", "PAGE2", "PAGE3"]);
  });

  it("replays a creating POST with the same Idempotency-Key and refuses the key for another body", async () => {
    const headers = { ...admin.headers, "idempotency-key": "bu-create-1" };
    const a = await t.app.inject({ method: "POST", url: "/api/v1/business-units", headers, payload: bu("IDEM") });
    const b = await t.app.inject({ method: "POST", url: "/api/v1/business-units", headers, payload: bu("IDEM") });
    expect(b.statusCode).toBe(201);
    expect(b.headers["idempotent-replayed"]).toBe("true");
    expect(b.json().id).toBe(a.json().id);
    const c = await t.app.inject({ method: "POST", url: "/api/v1/business-units", headers, payload: bu("IDEM2") });
    expect(c.statusCode).toBe(422);
    expect(c.json().code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("operators can read but not create", async () => {
    const op = await login(t.app, "op@bu-a.test");
    expect((await t.app.inject({ method: "GET", url: "/api/v1/business-units", headers: op.headers })).statusCode).toBe(
      200,
    );
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/business-units",
      headers: op.headers,
      payload: bu("NOPE"),
    });
    expect(res.statusCode).toBe(403);
  });
});
