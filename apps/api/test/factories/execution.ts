import { withTenant, PrismaNamespace } from "@atende/db";
import { defaultBuParameters, type BuParameters, type RoleAssignment } from "@atende/domain";
import type { TOrderCreate } from "@atende/contracts";
import { login, tenantWide, type Session, type TestApp } from "../app";

export type ExecutionWorld = {
  tenantId: string;
  buId: string;
  storeId: string;
  storeCode: string;
  /** Bearer headers of an API token with the orders:write scope (the order system). */
  orders: Record<string, string>;
  as: (role: RoleAssignment["role"] | "customer") => Promise<Session>;
  emails: Record<string, string>;
};

/**
 * A tenant with one BU (Europe/Madrid, ES defaults unless overridden), a store, the seed-like catalogue (an
 * installation, a second kitchen code, a technical visit and a rework code), products, a customer user and one user
 * per staff role, plus an orders:write API token.
 */
export async function givenExecutionWorld(
  t: TestApp,
  slug: string,
  params: Partial<BuParameters> = {},
): Promise<ExecutionWorld> {
  const tenant = await t.tenant(slug);
  const buId = await tenant.bu("ES1", "ES");
  const storeCode = `${slug.toUpperCase()}-MAD`;
  const storeId = await withTenant(t.db, tenant.id, async (tx) => {
    await tx.buParameterSet.create({
      data: {
        tenantId: tenant.id,
        buId,
        version: 1,
        parameters: { ...defaultBuParameters("ES"), ...params } as unknown as PrismaNamespace.InputJsonValue,
      },
    });
    await tx.businessUnit.update({ where: { id: buId }, data: { contractTerms: "1. Terms of the test BU." } });
    const store = await tx.store.create({
      data: { tenantId: tenant.id, buId, code: storeCode, name: "Madrid", postcode: "28001" },
    });
    const codes = [
      ["KIT", "Kitchen installation", "carpentry", "kitchen", 480, "installation"],
      ["WTP", "Worktop", "carpentry", "kitchen", 120, "installation"],
      ["AC", "Air conditioning", "hvac", "air_conditioning", 240, "installation"],
      ["TV", "Kitchen technical visit", "carpentry", "kitchen", 60, "technical_visit"],
    ] as const;
    for (const [code, label, profession, specialty, durationMinutes, sxType] of codes) {
      await tx.serviceCode.create({
        data: {
          tenantId: tenant.id,
          buId,
          code,
          label,
          profession,
          specialty,
          durationMinutes,
          sxType,
          customerPriceMinor: 10_000,
          providerPriceMinor: 7_000,
        },
      });
    }
    await tx.product.create({ data: { tenantId: tenant.id, buId, sku: "OVEN", label: "Oven 60" } });
    return store.id;
  });
  const emails: Record<string, string> = {};
  for (const role of ["operator", "execution_admin", "seller", "tenant_admin", "customer"] as const) {
    const email = `${role.replace("_", "-")}@${slug}.test`;
    emails[role] = email;
    await tenant.user(email, [role === "seller" ? { role, buId, storeId } : tenantWide(role)]);
  }
  const admin = await login(t.app, emails.tenant_admin!);
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/api-tokens",
    headers: admin.headers,
    payload: { name: "order system", scopes: ["orders:write"] },
  });
  if (created.statusCode !== 201) throw new Error(`token: ${created.statusCode} ${created.body}`);
  const token = (created.json() as { token: string }).token;
  const sessions = new Map<string, Session>();
  return {
    tenantId: tenant.id,
    buId,
    storeId,
    storeCode,
    orders: { authorization: `Bearer ${token}` },
    emails,
    as: async (role) => {
      const email = emails[role]!;
      const cached = sessions.get(email);
      if (cached) return cached;
      const session = await login(t.app, email);
      sessions.set(email, session);
      return session;
    },
  };
}

/** A valid order for the world's store: a kitchen (two kitchen codes = one job) and an air-conditioning job. */
export function anOrder(world: ExecutionWorld, orderId: string, overrides: Partial<TOrderCreate> = {}): TOrderCreate {
  return {
    orderId,
    storeCode: world.storeCode,
    seller: { id: "S-1", name: "Seller One" },
    customer: { fiscalId: "12345678Z", name: "Lucía Martín", email: world.emails.customer!, phone: "+34 600 111 222" },
    worksite: { line1: "Calle Mayor 5", postcode: "28013", city: "Madrid" },
    products: [{ sku: "OVEN", quantity: 1, expectedDeliveryDate: "2027-03-05" }],
    services: [
      { code: "KIT", quantity: 1 },
      { code: "WTP", quantity: 1 },
      { code: "AC", quantity: 1 },
    ],
    ...overrides,
  };
}
