import { randomUUID } from "node:crypto";
import type { Tx } from "@atende/db";
import type { PrismaNamespace } from "@atende/db";
import type { TProduct } from "@atende/contracts";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";

const SELECT = {
  id: true,
  buId: true,
  sku: true,
  label: true,
  active: true,
  version: true,
} satisfies PrismaNamespace.ProductSelect;

type Row = PrismaNamespace.ProductGetPayload<{ select: typeof SELECT }>;

export type ProductData = Omit<TProduct, "id" | "active" | "version">;
export type ProductChanges = { label?: string; active?: boolean };
export type ProductLine = Omit<ProductData, "buId">;

export function toProduct(r: Row): TProduct {
  return { ...r };
}

// SKUs are unique per BU only, so the BU is part of the sort key.
const ZCursor = z.object({ bu: z.uuid(), sku: z.string().max(100), id: z.uuid() });

export async function listProducts(
  tx: Tx,
  tenantId: string,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; bu: { buId?: string | { in: string[] } } },
) {
  const after = decodeCursor(q.cursor, ZCursor);
  const where: PrismaNamespace.ProductWhereInput = {
    tenantId,
    ...q.bu,
    AND: [
      q.q
        ? {
            OR: [{ sku: { contains: q.q, mode: "insensitive" } }, { label: { contains: q.q, mode: "insensitive" } }],
          }
        : {},
      after
        ? {
            OR: [
              { buId: { gt: after.bu } },
              { buId: after.bu, sku: { gt: after.sku } },
              { buId: after.bu, sku: after.sku, id: { gt: after.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await tx.product.findMany({
    where,
    select: SELECT,
    orderBy: [{ buId: "asc" }, { sku: "asc" }, { id: "asc" }],
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toProduct),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ bu: last.buId, sku: last.sku, id: last.id }) : null,
  };
}

export async function findProduct(tx: Tx, tenantId: string, id: string) {
  const row = await tx.product.findFirst({ where: { id, tenantId }, select: SELECT });
  return row ? toProduct(row) : null;
}

export async function productExists(tx: Tx, tenantId: string, buId: string, sku: string) {
  return (await tx.product.count({ where: { tenantId, buId, sku } })) > 0;
}

export async function createProduct(tx: Tx, tenantId: string, data: ProductData) {
  return toProduct(await tx.product.create({ data: { ...data, tenantId }, select: SELECT }));
}

/** Optimistic concurrency: applies only to the version the client read; null when stale. */
export async function updateProduct(tx: Tx, tenantId: string, id: string, version: number, changes: ProductChanges) {
  const res = await tx.product.updateMany({
    where: { id, tenantId, version },
    data: { ...changes, version: { increment: 1 } },
  });
  return res.count === 0 ? null : findProduct(tx, tenantId, id);
}

/**
 * Inserts new products and relabels existing ones in one statement. An unchanged row is left alone (no version
 * bump); inserted rows come back at version 1, updated ones above it.
 */
export async function upsertProducts(tx: Tx, tenantId: string, buId: string, lines: ProductLine[]) {
  const rows = await tx.$queryRaw<{ sku: string; version: number }[]>`
    INSERT INTO products AS p (id, tenant_id, bu_id, sku, label, updated_at)
    SELECT v.id, ${tenantId}::uuid, ${buId}::uuid, v.sku, v.label, now()
    FROM unnest(${lines.map(() => randomUUID())}::uuid[], ${lines.map((l) => l.sku)}::text[],
      ${lines.map((l) => l.label)}::text[]) AS v(id, sku, label)
    ON CONFLICT (tenant_id, bu_id, sku) DO UPDATE SET label = EXCLUDED.label, version = p.version + 1, updated_at = now()
    WHERE p.label IS DISTINCT FROM EXCLUDED.label
    RETURNING p.sku, p.version`;
  return {
    created: rows.filter((r) => r.version === 1).map((r) => r.sku),
    updated: rows.filter((r) => r.version > 1).map((r) => r.sku),
  };
}
