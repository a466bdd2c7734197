import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaNamespace, withTenant, withTenantConnection, type Db } from "@atende/db";
import { A, givenTwoTenants, type TwoTenants } from "./two-tenants";

const { sql } = PrismaNamespace;
let world: TwoTenants;
let app: Db;

beforeAll(async () => {
  world = await givenTwoTenants();
  app = world.app;
  await withTenant(app, A, (tx) => tx.priority.create({ data: { tenantId: A, code: "p", name: "P", rank: 1 } }));
});

afterAll(async () => {
  await world?.close();
});

describe("a raw tenant connection (statements that pin the tenant themselves)", () => {
  it("finds nothing with a statement that does not pin the tenant", async () => {
    const rows = await withTenantConnection(app, A, (c) => c.query(sql`SELECT tenant_id FROM priorities`));
    expect(rows).toEqual([]);
  });
});
