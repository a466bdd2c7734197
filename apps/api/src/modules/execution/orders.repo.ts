import { PrismaNamespace, type Tx } from "@atende/db";
import type { TContact, TOrderCreate, TWorksite } from "@atende/contracts";
import { searchable } from "./order-lines";

export const json = (value: unknown) => value as PrismaNamespace.InputJsonValue;

export function findStoreByCode(tx: Tx, tenantId: string, code: string) {
  return tx.store.findFirst({ where: { tenantId, code }, select: { id: true, buId: true } });
}

export function findServiceCodes(tx: Tx, tenantId: string, buId: string, codes: string[]) {
  return tx.serviceCode.findMany({ where: { tenantId, buId, code: { in: codes } } });
}

export function findProducts(tx: Tx, tenantId: string, buId: string, skus: string[]) {
  return tx.product.findMany({ where: { tenantId, buId, sku: { in: skus } }, select: { sku: true, label: true } });
}

export function findOrder(tx: Tx, tenantId: string, externalId: string) {
  return tx.order.findFirst({ where: { tenantId, externalId } });
}

export function jobsOfOrder(tx: Tx, tenantId: string, orderId: string) {
  return tx.job.findMany({ where: { tenantId, orderId }, orderBy: { number: "asc" } });
}

/** Project id -> number for the projects of these jobs. */
export async function projectNumberMap(tx: Tx, tenantId: string, jobs: readonly { projectId: string }[]) {
  const rows = await projectNumbers(tx, tenantId, [...new Set(jobs.map((j) => j.projectId))]);
  return new Map(rows.map((p) => [p.id, p.number]));
}

export function projectNumbers(tx: Tx, tenantId: string, ids: string[]) {
  return tx.project.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, number: true } });
}

/** Serialises intake for one customer so two simultaneous orders cannot open two projects for the same worksite. */
export async function lockCustomerKey(tx: Tx, tenantId: string, customerKey: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}|${customerKey}`}, 0))`;
}

/**
 * The customer a key names: the fiscal id compared without case, spaces or separators ("12345678-z" is
 * "12345678Z"), else the order system's customer id.
 */
async function findCustomerByKey(tx: Tx, tenantId: string, customerKey: string) {
  if (customerKey.startsWith("fiscal:")) {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM customers
      WHERE tenant_id = ${tenantId}::uuid
        AND upper(regexp_replace(fiscal_id, '[[:space:]./-]', '', 'g')) = ${customerKey.slice("fiscal:".length)}
      ORDER BY created_at ASC, id ASC
      LIMIT 1`;
    return rows[0] ? tx.customer.findFirst({ where: { tenantId, id: rows[0].id } }) : null;
  }
  return tx.customer.findFirst({
    where: { tenantId, externalCustomerId: customerKey.slice("customer:".length) },
    orderBy: { createdAt: "asc" },
  });
}

/** Finds the customer by fiscal id, else by the order system's id, and refreshes what the order says about them. */
export async function upsertCustomer(
  tx: Tx,
  tenantId: string,
  buId: string,
  customerKey: string,
  input: TOrderCreate["customer"],
) {
  const existing = await findCustomerByKey(tx, tenantId, customerKey);
  const email = input.email ?? existing?.email ?? null;
  const user = email
    ? await tx.user.findFirst({
        // Only a customer account is linked: staff who happen to share the address must not see the portal projects.
        where: {
          tenantId,
          email: { equals: email, mode: "insensitive" },
          roleAssignments: { some: { role: "customer" } },
        },
        select: { id: true },
      })
    : null;
  const data = {
    name: input.name,
    email,
    phone: input.phone ?? existing?.phone ?? null,
    // The fiscal id as first written stays: another spelling of it names the same customer.
    fiscalId: existing?.fiscalId ?? input.fiscalId ?? null,
    externalCustomerId: input.customerId ?? existing?.externalCustomerId ?? null,
    userId: existing?.userId ?? user?.id ?? null,
  };
  if (existing) {
    return tx.customer.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } });
  }
  return tx.customer.create({ data: { tenantId, buId, ...data } });
}

/** Open projects of this customer at this postcode in the BU (a project never spans business units). */
export function projectCandidates(tx: Tx, tenantId: string, buId: string, customerKey: string, postcode: string) {
  return tx.project.findMany({
    where: { tenantId, buId, customerKey, postcode, status: { notIn: ["closed", "cancelled"] } },
    select: { id: true, customerKey: true, postcode: true, addressKey: true, status: true, createdAt: true },
  });
}

export type NewProject = {
  tenantId: string;
  number: number;
  buId: string;
  storeId: string;
  customerId: string;
  customerKey: string;
  customerName: string;
  customerFiscalId: string | null;
  customerPhone: string | null;
  postcode: string;
  addressKey: string;
  worksite: TWorksite;
  createdAt: Date;
};

export function insertProject(tx: Tx, p: NewProject) {
  const phone = (p.customerPhone ?? "").replace(/\D/g, "");
  // The phone is indexed with and without its country code, so "600 111 222" and "+34 600..." both find it.
  const fiscal = (p.customerFiscalId ?? "").replace(/[\s\-./]/g, "");
  const searchText = searchable([p.customerName, fiscal, phone, phone.slice(-9)].join(" "));
  return tx.project.create({ data: { ...p, worksite: json(p.worksite), searchText } });
}

export function insertOrder(
  tx: Tx,
  o: {
    tenantId: string;
    buId: string;
    storeId: string;
    externalId: string;
    customerId: string;
    seller: unknown;
    worksite: TWorksite;
    contact: TContact;
    productLines: unknown;
    serviceLines: unknown;
    orderedAt: Date;
  },
) {
  return tx.order.create({
    data: {
      ...o,
      seller: json(o.seller),
      worksite: json(o.worksite),
      contact: json(o.contact),
      productLines: json(o.productLines),
      serviceLines: json(o.serviceLines),
    },
  });
}
