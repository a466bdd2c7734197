import type { TOrderCreate } from "@atende/contracts";
import type { PrismaNamespace, Tx } from "@atende/db";
import { SEED_CONTRACT_TERMS, SEED_PRODUCTS, SEED_SERVICE_CODES, SEED_TASK_POLICY } from "@atende/domain";
import type { RequestContext } from "../context";
import * as calendars from "../modules/calendars/calendars.repo";
import { createOrder } from "../modules/execution/orders.service";
import * as policies from "../modules/sla-policies/sla-policies.repo";
import { resolvePolicy } from "./service-desk-seed";

const ORDER_SYSTEM = "demo seed (order system)";

/** Demo orders for the customer persona (Carla, fiscal id 12345678Z): one kitchen project in Madrid. */
function demoOrders(today: Date): TOrderCreate[] {
  const inDays = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      orderId: "DEMO-ES-0001",
      storeCode: "ES-MAD-01",
      seller: { id: "S-001", name: "Sergio Seller", email: "seller@demo.test" },
      customer: {
        fiscalId: "12345678Z",
        name: "Carla Customer",
        email: "customer@demo.test",
        phone: "+34 600 000 001",
      },
      worksite: { line1: "Calle Mayor 1", postcode: "28013", city: "Madrid" },
      products: [
        { sku: "KIT-DELINIA-01", quantity: 1, expectedDeliveryDate: inDays(7) },
        { sku: "WTP-QUARTZ-240", quantity: 1, expectedDeliveryDate: inDays(9) },
      ],
      services: [
        { code: "49-KIT-INS", quantity: 1 },
        { code: "49-KIT-WTP", quantity: 1 },
        { code: "49-AC-INS", quantity: 1 },
      ],
    },
  ];
}

/**
 * Catalogue, products, contract terms and the system-task SLA for the demo BUs, plus demo orders taken through the
 * real intake (jobs, project, contract timers). Idempotent: existing codes and orders are left as they are.
 */
export async function seedExecution(
  tx: Tx,
  tenantId: string,
  buIds: Record<string, string>,
  groupIds: Record<string, string>,
) {
  for (const code of SEED_SERVICE_CODES) {
    const buId = buIds[code.bu]!;
    const { bu: _bu, ...data } = code;
    await tx.serviceCode.upsert({
      where: { tenantId_buId_code: { tenantId, buId, code: code.code } },
      create: { tenantId, buId, ...data },
      update: {},
    });
  }
  for (const product of SEED_PRODUCTS) {
    const buId = buIds[product.bu]!;
    await tx.product.upsert({
      where: { tenantId_buId_sku: { tenantId, buId, sku: product.sku } },
      create: { tenantId, buId, sku: product.sku, label: product.label },
      update: {},
    });
  }
  for (const [code, terms] of Object.entries(SEED_CONTRACT_TERMS)) {
    await tx.businessUnit.updateMany({ where: { tenantId, code, contractTerms: "" }, data: { contractTerms: terms } });
  }
  if (!(await policies.findPolicyByCode(tx, tenantId, SEED_TASK_POLICY.id))) {
    const calendar = await calendars.findCalendarByCode(tx, tenantId, SEED_TASK_POLICY.calendarId);
    if (calendar) {
      const calendarIds = { [SEED_TASK_POLICY.calendarId]: calendar.id };
      await policies.createPolicy(
        tx,
        tenantId,
        resolvePolicy(SEED_TASK_POLICY, { calendars: calendarIds, groups: groupIds, items: {} }),
      );
    }
  }
  const ctx: RequestContext = {
    tenantId,
    actor: { userId: null, label: ORDER_SYSTEM },
    principal: {
      kind: "token",
      tenantId,
      tokenId: "00000000-0000-0000-0000-000000000000",
      name: ORDER_SYSTEM,
      scopes: ["orders:write"],
    },
    requestId: "seed",
    ip: null,
    run: (fn) => fn(tx),
    read: (fn) => fn(<Row>(statement: PrismaNamespace.Sql) => tx.$queryRaw<Row[]>(statement)),
    connection: (fn) =>
      fn({
        query: <Row>(statement: PrismaNamespace.Sql) => tx.$queryRaw<Row[]>(statement),
      }),
  };
  const deps = {
    db: undefined as never,
    now: () => new Date(),
    storageDir: ".data/storage",
    publicUrl: "http://localhost:3000",
    // The worker's sweep enqueues the seeded timers.
    dispatchTimers: async () => undefined,
    uploadMaxBytes: 0,
  };
  for (const order of demoOrders(new Date())) {
    if (await tx.order.findFirst({ where: { tenantId, externalId: order.orderId }, select: { id: true } })) continue;
    await createOrder(deps, ctx, order);
  }
}
