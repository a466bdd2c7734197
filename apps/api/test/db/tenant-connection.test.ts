import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaNamespace, withTenant, withTenantConnection, type Db } from "@atende/db";
import { ticketNumberBump, ticketNumberOf } from "@atende/desk";
import { A, B, givenTwoTenants, type TwoTenants } from "./two-tenants";

const { sql } = PrismaNamespace;
let world: TwoTenants;
let app: Db;

beforeAll(async () => {
  world = await givenTwoTenants();
  app = world.app;
  for (const tenantId of [A, B])
    await withTenant(app, tenantId, (tx) => tx.priority.create({ data: { tenantId, code: "p", name: "P", rank: 1 } }));
});

afterAll(async () => {
  await world?.close();
});

const counter = (tenantId: string) =>
  withTenant(
    app,
    tenantId,
    async (tx) => (await tx.ticketCounter.findUnique({ where: { tenantId } }))?.lastNumber ?? 0,
  );

describe("a raw tenant connection (statements that pin the tenant themselves)", () => {
  it("finds nothing with a statement that does not pin the tenant", async () => {
    const rows = await withTenantConnection(app, A, (c) => c.query(sql`SELECT tenant_id FROM priorities`));
    expect(rows).toEqual([]);
  });

  it("takes consecutive numbers of its own tenant's counter", async () => {
    const before = { a: await counter(A), b: await counter(B) };
    const numbers = await withTenantConnection(app, A, async (c) => [
      ticketNumberOf(await c.lazyCommit(ticketNumberBump(A))),
      ticketNumberOf(await c.lazyCommit(ticketNumberBump(A))),
    ]);
    expect(numbers).toEqual([before.a + 1, before.a + 2]);
    expect(await counter(B)).toBe(before.b);
  });

  it("keeps a number taken before a failing statement (a gap, never a reused number) and stays usable", async () => {
    const before = await counter(A);
    await expect(
      withTenantConnection(app, A, async (c) => {
        await c.lazyCommit(ticketNumberBump(A));
        await c.query(sql`SELECT 1 / 0`);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await counter(A)).toBe(before + 1);
    // Both pooled connections still work after the failure.
    const again = await Promise.all(
      [1, 2].map(() =>
        withTenantConnection(app, A, async (c) => ticketNumberOf(await c.lazyCommit(ticketNumberBump(A)))),
      ),
    );
    expect(again.sort((x, y) => x - y)).toEqual([before + 2, before + 3]);
  });

  it("gives concurrent connections distinct numbers", async () => {
    const before = await counter(B);
    const numbers = await Promise.all(
      Array.from({ length: 6 }, () =>
        withTenantConnection(app, B, async (c) => ticketNumberOf(await c.lazyCommit(ticketNumberBump(B)))),
      ),
    );
    expect(numbers.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6].map((k) => before + k));
  });
});
