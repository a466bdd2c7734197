import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, PrismaNamespace, tenantSession, withTenant, type Db } from "@atende/db";
import { ticketNumberBump, ticketNumberOf } from "@atende/desk";
import { createTestDatabase, type TestDatabase } from "@atende/testkit";

const { sql } = PrismaNamespace;
let tdb: TestDatabase;
let app: Db;
let owner: Db;
const A = "0a000000-0000-4000-8000-00000000000a";
const B = "0b000000-0000-4000-8000-00000000000b";

beforeAll(async () => {
  tdb = await createTestDatabase();
  app = createDb({ connectionString: tdb.appUrl, max: 2 });
  owner = createDb({ connectionString: tdb.ownerUrl, max: 2 });
  await owner.tenant.createMany({
    data: [
      { id: A, slug: "a", name: "A" },
      { id: B, slug: "b", name: "B" },
    ],
  });
  for (const tenantId of [A, B])
    await withTenant(app, tenantId, (tx) => tx.priority.create({ data: { tenantId, code: "p", name: "P", rank: 1 } }));
});

afterAll(async () => {
  await app?.$disconnect();
  await owner?.$disconnect();
  await tdb?.drop();
});

const counter = (tenantId: string) =>
  withTenant(
    app,
    tenantId,
    async (tx) => (await tx.ticketCounter.findUnique({ where: { tenantId } }))?.lastNumber ?? 0,
  );

describe("a raw tenant session (read, then write)", () => {
  it("reads only its tenant's rows and refuses writes before beginWrite", async () => {
    await expect(
      tenantSession(app, A, async (s) => {
        const rows = await s.query<{ tenant_id: string }>(sql`SELECT tenant_id FROM priorities`);
        expect(rows.map((r) => r.tenant_id)).toEqual([A]);
        await s.query(sql`UPDATE priorities SET name = 'changed'`);
      }),
    ).rejects.toThrow(/read-only/);
  });

  it("takes the counter bump between the phases and commits the write with the tenant still pinned", async () => {
    const before = await counter(A);
    const number = await tenantSession(app, A, async (s) => {
      const n = ticketNumberOf(await s.beginWrite(ticketNumberBump(A)));
      await s.query(sql`UPDATE priorities SET name = ${`after ${n}`}`);
      return n;
    });
    expect(number).toBe(before + 1);
    const names = await withTenant(owner, A, (tx) => tx.priority.findMany({ select: { tenantId: true, name: true } }));
    expect(names).toContainEqual({ tenantId: A, name: `after ${number}` });
    const other = await withTenant(app, B, (tx) => tx.priority.findFirstOrThrow());
    expect(other.name).toBe("P");
  });

  it("rolls the write back on a throw but keeps the bump (a gap, never a reused number)", async () => {
    const before = await counter(A);
    await expect(
      tenantSession(app, A, async (s) => {
        await s.beginWrite(ticketNumberBump(A));
        await s.query(sql`UPDATE priorities SET name = 'rolled back'`);
        throw new Error("creation failed after taking its number");
      }),
    ).rejects.toThrow("creation failed");
    expect(await counter(A)).toBe(before + 1);
    const row = await withTenant(app, A, (tx) => tx.priority.findFirstOrThrow());
    expect(row.name).not.toBe("rolled back");
  });

  it("gives concurrent sessions distinct numbers", async () => {
    const before = await counter(B);
    const numbers = await Promise.all(
      Array.from({ length: 6 }, () =>
        tenantSession(app, B, async (s) => ticketNumberOf(await s.beginWrite(ticketNumberBump(B)))),
      ),
    );
    expect(numbers.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6].map((k) => before + k));
  });
});
