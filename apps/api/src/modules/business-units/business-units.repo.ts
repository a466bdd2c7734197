import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TBusinessUnit } from "@atende/contracts";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";

type Row = {
  id: string;
  code: string;
  name: string;
  timezone: string;
  locale: string;
  currency: string;
  country: string;
  contractTerms: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export function toBusinessUnit(r: Row): TBusinessUnit {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

const ZCursor = z.object({ v: z.string().max(200), id: z.uuid() });

export async function listBusinessUnits(
  tx: Tx,
  tenantId: string,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; sort: string; buIds: "all" | string[] },
) {
  const field = q.sort.replace(/^-/, "") as "code" | "name" | "createdAt";
  const after = decodeCursor(q.cursor, ZCursor);
  const where: PrismaNamespace.BusinessUnitWhereInput = {
    tenantId,
    ...(q.buIds === "all" ? {} : { id: { in: q.buIds } }),
    // Search and cursor both need an OR: combine them under AND so neither replaces the other.
    AND: [
      q.q
        ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { code: { contains: q.q, mode: "insensitive" } }] }
        : {},
      after ? seekAfter(q.sort, after) : {},
    ],
  };
  const rows = await tx.businessUnit.findMany({ where, orderBy: orderFor(q.sort), take: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const v = last ? (field === "createdAt" ? last.createdAt.toISOString() : last[field]) : null;
  return {
    items: items.map(toBusinessUnit),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v, id: last.id }) : null,
  };
}

export async function findBusinessUnit(tx: Tx, tenantId: string, id: string) {
  const row = await tx.businessUnit.findFirst({ where: { id, tenantId } });
  return row ? toBusinessUnit(row) : null;
}

export async function createBusinessUnit(
  tx: Tx,
  tenantId: string,
  data: Omit<Row, "id" | "version" | "createdAt" | "updatedAt">,
) {
  return toBusinessUnit(await tx.businessUnit.create({ data: { ...data, tenantId } }));
}

/** Optimistic concurrency: the update applies only to the version the client read. Returns null when stale. */
export async function updateBusinessUnit(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: Partial<Omit<Row, "id" | "version" | "createdAt" | "updatedAt">>,
) {
  const res = await tx.businessUnit.updateMany({
    where: { id, tenantId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (res.count === 0) return null;
  return findBusinessUnit(tx, tenantId, id);
}
