import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaNamespace, withTenant, type Db, type Tx } from "@atende/db";
import { A, B, givenTwoTenants, type TwoTenants } from "./two-tenants";

/** Every change to what ticket creation reads of the configuration moves the tenant's version (decision 0013). */
const { sql } = PrismaNamespace;
let world: TwoTenants;
let app: Db;

beforeAll(async () => {
  world = await givenTwoTenants();
  app = world.app;
});

afterAll(async () => {
  await world?.close();
});

const versionOf = async (tenantId: string) =>
  withTenant(app, tenantId, async (tx) => {
    const rows = await tx.$queryRaw<Array<{ version: bigint }>>(
      sql`SELECT version FROM creation_config_versions WHERE tenant_id = ${tenantId}::uuid`,
    );
    return Number(rows[0]?.version ?? 0);
  });

/** The change runs in tenant A; the version of A moves by exactly `bumps`, B's not at all. */
async function expectBumps(bumps: number, change: (tx: Tx) => Promise<unknown>) {
  const before = { a: await versionOf(A), b: await versionOf(B) };
  await withTenant(app, A, change);
  expect(await versionOf(A)).toBe(before.a + bumps);
  expect(await versionOf(B)).toBe(before.b);
}

describe("the creation configuration version", () => {
  it("moves with every insert, update and delete of priorities, policies, calendars and templates", async () => {
    const tenantId = A;
    await expectBumps(1, (tx) => tx.priority.create({ data: { tenantId, code: "p1", name: "P1", rank: 1 } }));
    await expectBumps(1, (tx) => tx.priority.updateMany({ where: { code: "p1" }, data: { name: "P one" } }));
    const calendar = await withTenant(app, A, (tx) =>
      tx.businessCalendar.create({ data: { tenantId, code: "c", name: "C", definition: "24x7" } }),
    );
    await expectBumps(1, (tx) =>
      tx.slaPolicy.create({
        data: {
          tenantId,
          code: "s",
          name: "S",
          calendarId: calendar.id,
          conditions: {},
          targets: { firstResponse: { minutes: 5 } },
        },
      }),
    );
    await expectBumps(1, (tx) => tx.slaPolicy.updateMany({ where: { code: "s" }, data: { active: false } }));
    await expectBumps(1, (tx) => tx.businessCalendar.update({ where: { id: calendar.id }, data: { name: "C2" } }));
    await expectBumps(1, (tx) =>
      tx.notificationTemplate.create({
        data: { tenantId, event: "ticket.created", locale: "en", subject: "S", body: "B" },
      }),
    );
    await expectBumps(1, (tx) =>
      tx.replyTemplate.create({ data: { tenantId, code: "r", locale: "en", name: "R", body: "B" } }),
    );
    await expectBumps(2, async (tx) => {
      await tx.replyTemplate.deleteMany({ where: { code: "r" } });
      await tx.priority.deleteMany({ where: { code: "p1" } });
    });
  });

  it("moves with every change to business units, their parameters, groups and catalogue items (decision 0019)", async () => {
    const tenantId = A;
    const bu = await withTenant(app, A, (tx) =>
      tx.businessUnit.create({
        data: {
          tenantId,
          code: "bu",
          name: "BU",
          timezone: "Europe/Madrid",
          locale: "es",
          currency: "EUR",
          country: "ES",
        },
      }),
    );
    await expectBumps(1, (tx) => tx.businessUnit.update({ where: { id: bu.id }, data: { locale: "en" } }));
    await expectBumps(1, (tx) =>
      tx.buParameterSet.create({ data: { tenantId, buId: bu.id, version: 1, parameters: {} } }),
    );
    await expectBumps(1, (tx) => tx.group.create({ data: { tenantId, code: "g", name: "G" } }));
    await expectBumps(1, (tx) => tx.group.deleteMany({ where: { code: "g" } }));
    const calendar = await withTenant(app, A, (tx) =>
      tx.businessCalendar.create({ data: { tenantId, code: "cat", name: "Cat", definition: "24x7" } }),
    );
    await expectBumps(1, (tx) =>
      tx.catalogueItem.create({ data: { tenantId, code: "i", name: "I", calendarId: calendar.id, targets: {} } }),
    );
    await expectBumps(1, (tx) => tx.catalogueItem.updateMany({ where: { code: "i" }, data: { active: false } }));
  });

  it("stays where it was when a change is rolled back", async () => {
    const before = await versionOf(A);
    await expect(
      withTenant(app, A, async (tx) => {
        await tx.priority.create({ data: { tenantId: A, code: "gone", name: "Gone", rank: 9 } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await versionOf(A)).toBe(before);
  });
});
