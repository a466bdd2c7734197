import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TStore } from "@atende/contracts";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";

type Row = {
  id: string;
  buId: string;
  code: string;
  name: string;
  address: string | null;
  postcode: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

type Editable = Omit<Row, "id" | "version" | "createdAt" | "updatedAt">;

const SELECT = {
  id: true,
  buId: true,
  code: true,
  name: true,
  address: true,
  postcode: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies PrismaNamespace.StoreSelect;

export function toStore(r: Row): TStore {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

// Every sort field here is text or a timestamp sent as ISO text; a number would fail in the query, not as a 400.
const ZCursor = z.object({ v: z.string().max(300), id: z.uuid() });

function buFilter(buId: string | undefined, buIds: "all" | string[]): PrismaNamespace.StoreWhereInput {
  if (buIds === "all") return buId ? { buId } : {};
  return { buId: { in: buId ? buIds.filter((id) => id === buId) : buIds } };
}

export async function listStores(
  tx: Tx,
  tenantId: string,
  q: {
    limit: number;
    cursor?: string | undefined;
    q?: string | undefined;
    buId?: string | undefined;
    sort: string;
    buIds: "all" | string[];
  },
) {
  const field = q.sort.replace(/^-/, "") as "code" | "name" | "createdAt";
  const after = decodeCursor(q.cursor, ZCursor);
  const where: PrismaNamespace.StoreWhereInput = {
    tenantId,
    ...buFilter(q.buId, q.buIds),
    // Both the text filter and the keyset seek are ORs: AND keeps one from replacing the other.
    AND: [
      q.q
        ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { code: { contains: q.q, mode: "insensitive" } }] }
        : {},
      after ? seekAfter(q.sort, after) : {},
    ],
  };
  const rows = await tx.store.findMany({ where, select: SELECT, orderBy: orderFor(q.sort), take: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const v = last ? (field === "createdAt" ? last.createdAt.toISOString() : last[field]) : null;
  return {
    items: items.map(toStore),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v, id: last.id }) : null,
  };
}

export async function findStore(tx: Tx, tenantId: string, id: string) {
  const row = await tx.store.findFirst({ where: { id, tenantId }, select: SELECT });
  return row ? toStore(row) : null;
}

export async function storeCodeTaken(tx: Tx, tenantId: string, code: string, exceptId?: string) {
  const row = await tx.store.findFirst({
    where: { tenantId, code, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return row !== null;
}

/** The BU of each given store of this tenant; stores of other tenants or unknown ids are absent from the map. */
export async function storeBus(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.store.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, buId: true } });
  return new Map(rows.map((r) => [r.id, r.buId]));
}

export async function createStore(tx: Tx, tenantId: string, data: Editable) {
  return toStore(await tx.store.create({ data: { ...data, tenantId }, select: SELECT }));
}

/** Optimistic concurrency: the update applies only to the version the client read. Returns null when stale. */
export async function updateStore(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: Partial<Omit<Editable, "buId">>,
) {
  const res = await tx.store.updateMany({
    where: { id, tenantId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (res.count === 0) return null;
  return findStore(tx, tenantId, id);
}
