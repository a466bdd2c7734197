import { closeDb, createDb, type Db } from "@atende/db";
import { createTestDatabase, type TestDatabase } from "@atende/testkit";

export const A = "0a000000-0000-4000-8000-00000000000a";
export const B = "0b000000-0000-4000-8000-00000000000b";

export type TwoTenants = { tdb: TestDatabase; app: Db; owner: Db; close: () => Promise<void> };

/** A fresh database with tenants A and B, reached as the app role (row-level security applies) and as the owner. */
export async function givenTwoTenants(): Promise<TwoTenants> {
  const tdb = await createTestDatabase();
  const app = createDb({ connectionString: tdb.appUrl, max: 2 });
  const owner = createDb({ connectionString: tdb.ownerUrl, max: 2 });
  await owner.tenant.createMany({
    data: [
      { id: A, slug: "a", name: "A" },
      { id: B, slug: "b", name: "B" },
    ],
  });
  return {
    tdb,
    app,
    owner,
    close: async () => {
      await closeDb(app);
      await closeDb(owner);
      await tdb.drop();
    },
  };
}
