import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createDb, quoteIdent, withTenant, type Db } from "@atende/db";
import { createTestDatabase, type TestDatabase } from "@atende/testkit";

/** A database whose default time zone is not UTC (a server installed with a local zone) stores the same instants. */
let tdb: TestDatabase;
let app: Db;
let owner: pg.Client;
const A = "0a000000-0000-4000-8000-00000000000a";

beforeAll(async () => {
  tdb = await createTestDatabase();
  owner = new pg.Client({ connectionString: tdb.ownerUrl });
  await owner.connect();
  await owner.query(`ALTER DATABASE ${quoteIdent(tdb.name)} SET timezone TO 'America/Mexico_City'`);
  await owner.query("INSERT INTO tenants (id, slug, name) VALUES ($1, 'a', 'A')", [A]);
  // Opened after the change, so its sessions start in the database's new default zone.
  app = createDb({ connectionString: tdb.appUrl, max: 2 });
});

afterAll(async () => {
  await app?.$disconnect();
  await owner?.end();
  await tdb?.drop();
});

describe("time zones", () => {
  it("is set up with a database whose sessions start outside UTC", async () => {
    const fresh = new pg.Client({ connectionString: tdb.ownerUrl });
    await fresh.connect();
    const { rows } = await fresh.query<{ TimeZone: string }>("SHOW TimeZone");
    await fresh.end();
    expect(rows[0]?.TimeZone).toBe("America/Mexico_City");
  });

  it("stores and reads back the instant a Date names, whatever the database's default zone", async () => {
    const at = new Date("2027-03-01T08:15:30.250Z");
    const bu = await withTenant(app, A, (tx) =>
      tx.businessUnit.create({
        data: {
          tenantId: A,
          code: "TZ",
          name: "TZ",
          timezone: "UTC",
          locale: "en",
          currency: "EUR",
          country: "ES",
          createdAt: at,
        },
      }),
    );
    const { rows } = await owner.query<{ utc: string }>(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS utc
      FROM business_units WHERE id = $1`,
      [bu.id],
    );
    expect(rows[0]?.utc).toBe("2027-03-01T08:15:30.250Z");
    const read = await withTenant(app, A, (tx) => tx.businessUnit.findUniqueOrThrow({ where: { id: bu.id } }));
    expect(read.createdAt.toISOString()).toBe(at.toISOString());
  });
});
