import type { Db } from "@atende/db";

/**
 * Visits every tenant id, paged by id. The tenants table is readable without a tenant, while tenant tables are not,
 * so cross-tenant sweeps loop over tenants and query each inside its own withTenant.
 */
export async function forEachTenant(db: Db, visit: (tenantId: string) => Promise<void>, pageSize = 500): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const page = await db.tenant.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: pageSize,
      select: { id: true },
    });
    for (const tenant of page) await visit(tenant.id);
    if (page.length < pageSize) return;
    after = page[page.length - 1]?.id;
  }
}
