import { withTenant, type Db, type Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import { defaultBuParameters, type RoleAssignment } from "@atende/domain";
import { provisionTenant, upsertUserWithRoles } from "./provision";
import { seedServiceDesk } from "./service-desk-seed";
import { seedExecution } from "./execution-seed";

export const DEMO_PASSWORD = "Demo-2026!";

export const DEMO_PERSONAS = [
  { email: "admin@demo.test", name: "Ana Admin", role: "tenant_admin", scope: "tenant" },
  { email: "bu-admin@demo.test", name: "Bruno BU Admin", role: "bu_admin", scope: "es" },
  { email: "operator@demo.test", name: "Olga Operator", role: "operator", scope: "tenant" },
  { email: "exec-admin@demo.test", name: "Elena Execution Admin", role: "execution_admin", scope: "tenant" },
  { email: "seller@demo.test", name: "Sergio Seller", role: "seller", scope: "es-store" },
  { email: "customer@demo.test", name: "Carla Customer", role: "customer", scope: "tenant" },
  { email: "provider@demo.test", name: "Pedro Provider Manager", role: "provider_manager", scope: "tenant" },
  { email: "worker@demo.test", name: "Walter Provider Worker", role: "provider_worker", scope: "tenant" },
] as const;

const BUS = [
  { code: "LMES", name: "Spain", timezone: "Europe/Madrid", locale: "es", currency: "EUR", country: "ES" },
  { code: "LMPT", name: "Portugal", timezone: "Europe/Lisbon", locale: "pt", currency: "EUR", country: "PT" },
] as const;

const STORES = [
  { bu: "LMES", code: "ES-MAD-01", name: "Madrid Alcobendas", postcode: "28108" },
  { bu: "LMES", code: "ES-BCN-01", name: "Barcelona Glòries", postcode: "08018" },
  { bu: "LMPT", code: "PT-LIS-01", name: "Lisboa Alfragide", postcode: "2610-008" },
] as const;

const GROUPS = [
  { code: "L1", name: "L1 Customer Success", description: "First line: intake, diagnosis, customer updates" },
  { code: "L2", name: "L2 Support", description: "Second line: technical analysis" },
  { code: "L3", name: "L3 Operations", description: "Third line: operations and engineering" },
  { code: "BACK-OFFICE", name: "Back-office", description: "Back-office requests of the service catalogue" },
] as const;

async function upsertBu(tx: Tx, tenantId: string, bu: (typeof BUS)[number], actor: string | null) {
  const existing = await tx.businessUnit.findFirst({ where: { tenantId, code: bu.code } });
  if (existing) return existing.id;
  const created = await tx.businessUnit.create({ data: { tenantId, ...bu } });
  await tx.buParameterSet.create({
    data: {
      tenantId,
      buId: created.id,
      version: 1,
      parameters: defaultBuParameters(bu.country) as unknown as PrismaNamespace.InputJsonValue,
      changedBy: actor,
      comment: "seed defaults",
    },
  });
  return created.id;
}

/** The demo tenant: idempotent, so `npm start` can run it on every start. */
export async function seedDemo(ownerDb: Db): Promise<{ tenantId: string; created: boolean }> {
  const { id: tenantId, created } = await provisionTenant(ownerDb, { slug: "demo", name: "Demo Home Services" });
  await withTenant(ownerDb, tenantId, async (tx) => {
    const buIds: Record<string, string> = {};
    for (const bu of BUS) buIds[bu.code] = await upsertBu(tx, tenantId, bu, null);
    const storeIds: Record<string, string> = {};
    for (const s of STORES) {
      const found = await tx.store.findFirst({ where: { tenantId, code: s.code } });
      storeIds[s.code] = found
        ? found.id
        : (
            await tx.store.create({
              data: { tenantId, buId: buIds[s.bu]!, code: s.code, name: s.name, postcode: s.postcode },
            })
          ).id;
    }
    const userIds: Record<string, string> = {};
    for (const p of DEMO_PERSONAS) {
      const role: RoleAssignment =
        p.scope === "es"
          ? { role: p.role, buId: buIds.LMES!, storeId: null }
          : p.scope === "es-store"
            ? { role: p.role, buId: buIds.LMES!, storeId: storeIds["ES-MAD-01"]! }
            : { role: p.role, buId: null, storeId: null };
      userIds[p.email] = await upsertUserWithRoles(tx, {
        tenantId,
        email: p.email,
        name: p.name,
        password: DEMO_PASSWORD,
        roles: [role],
      });
    }
    for (const g of GROUPS) {
      const found = await tx.group.findFirst({ where: { tenantId, code: g.code } });
      if (found) continue;
      const group = await tx.group.create({ data: { tenantId, ...g } });
      const members =
        g.code === "L1"
          ? ["operator@demo.test", "exec-admin@demo.test"]
          : g.code === "L3"
            ? ["exec-admin@demo.test"]
            : [];
      if (members.length) {
        await tx.groupMember.createMany({
          data: members.map((m) => ({ tenantId, groupId: group.id, userId: userIds[m]! })),
        });
      }
    }
    const groupIds = Object.fromEntries(
      (await tx.group.findMany({ where: { tenantId }, select: { code: true, id: true } })).map((g) => [g.code, g.id]),
    );
    await seedServiceDesk(tx, tenantId, { buIds, groupIds });
    if ((await tx.customer.count({ where: { tenantId } })) === 0) {
      await tx.customer.createMany({
        data: [
          {
            tenantId,
            buId: buIds.LMES!,
            name: "Carla Customer",
            fiscalId: "12345678Z",
            email: "customer@demo.test",
            phone: "+34 600 000 001",
            userId: userIds["customer@demo.test"]!,
            addresses: [{ line1: "Calle Mayor 1", postcode: "28013", city: "Madrid", country: "ES" }],
          },
          {
            tenantId,
            buId: buIds.LMPT!,
            name: "Rui Problemático",
            externalCustomerId: "PT-000042",
            email: "rui@example.test",
            flags: ["problematic"],
            addresses: [{ line1: "Rua Augusta 10", postcode: "1100-053", city: "Lisboa", country: "PT" }],
          },
        ],
      });
    }
    await seedExecution(tx, tenantId, buIds, groupIds);
  });
  return { tenantId, created };
}
