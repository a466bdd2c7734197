import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant, type Db } from "@atende/db";
import { A, B, givenTwoTenants, type TwoTenants } from "./two-tenants";

let world: TwoTenants;
let app: Db;
let owner: Db;

beforeAll(async () => {
  world = await givenTwoTenants();
  ({ app, owner } = world);
  for (const tenantId of [A, B]) {
    await withTenant(app, tenantId, (tx) =>
      tx.businessUnit.create({
        data: { tenantId, code: "X", name: "X", timezone: "UTC", locale: "en", currency: "EUR", country: "ES" },
      }),
    );
  }
});

afterAll(async () => {
  await world?.close();
});

describe("row-level security", () => {
  it("the app connects as a role that is neither superuser nor BYPASSRLS and owns no table", async () => {
    const [role] = await app.$queryRaw<Array<{ rolsuper: boolean; rolbypassrls: boolean }>>`
      SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await app.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`;
    expect(Number(owned[0]!.n)).toBe(0);
  });

  it("without a tenant set, tenant tables return nothing", async () => {
    expect(await app.businessUnit.count()).toBe(0);
  });

  it("each tenant sees only its own rows", async () => {
    const seen = await withTenant(app, A, (tx) => tx.businessUnit.findMany({ select: { tenantId: true } }));
    expect(seen).toEqual([{ tenantId: A }]);
  });

  it("refuses writing a row for another tenant", async () => {
    await expect(
      withTenant(app, A, (tx) =>
        tx.businessUnit.create({
          data: { tenantId: B, code: "Y", name: "Y", timezone: "UTC", locale: "en", currency: "EUR", country: "ES" },
        }),
      ),
    ).rejects.toThrow();
    expect(await withTenant(app, B, (tx) => tx.businessUnit.count())).toBe(1);
  });

  it("cannot move or touch another tenant's rows by id", async () => {
    const bOnly = await withTenant(app, B, (tx) => tx.businessUnit.findFirstOrThrow());
    const res = await withTenant(app, A, (tx) =>
      tx.businessUnit.updateMany({ where: { id: bOnly.id }, data: { name: "hijack" } }),
    );
    expect(res.count).toBe(0);
  });

  it("a pooled connection does not keep the previous request's tenant", async () => {
    await withTenant(app, A, (tx) => tx.businessUnit.count());
    expect(await app.businessUnit.count()).toBe(0);
  });

  it("the audit log is append-only, even for the owner", async () => {
    await withTenant(app, A, (tx) =>
      tx.auditLog.create({ data: { tenantId: A, actorLabel: "t", action: "x", module: "m" } }),
    );
    await expect(withTenant(owner, A, (tx) => tx.auditLog.updateMany({ data: { action: "y" } }))).rejects.toThrow(
      /append-only/,
    );
    await expect(withTenant(owner, A, (tx) => tx.auditLog.deleteMany({}))).rejects.toThrow(/append-only/);
    expect(await withTenant(app, A, (tx) => tx.auditLog.count({ where: { action: "x" } }))).toBe(1);
  });

  it("the app role cannot write the login directory directly", async () => {
    await expect(app.loginIdentity.create({ data: { email: "x@y.z", tenantId: A, userId: A } })).rejects.toThrow();
  });
});
