import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { SlaDuration } from "@atende/domain";
import type { TCatalogueItem } from "@atende/contracts";
import { decodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";
import { buVisibility, codeOrNameContains, pageOf, ZListCursor, type ListQuery } from "../calendars/listing";

type Row = {
  id: string;
  buId: string | null;
  code: string;
  name: string;
  description: string | null;
  calendarId: string;
  targets: PrismaNamespace.JsonValue;
  active: boolean;
  version: number;
  createdAt: Date;
};

export type CatalogueTargets = { firstResponse?: SlaDuration; resolution?: SlaDuration };

export type CatalogueData = {
  buId: string | null;
  code: string;
  name: string;
  description: string | null;
  calendarId: string;
  targets: CatalogueTargets;
  active: boolean;
};

export function toCatalogueItem(r: Row): TCatalogueItem {
  return { ...r, targets: r.targets as CatalogueTargets, createdAt: r.createdAt.toISOString() };
}

export async function listCatalogueItems(
  tx: Tx,
  tenantId: string,
  q: ListQuery & { buId?: string | undefined; buIds: "all" | string[] },
) {
  const after = decodeCursor(q.cursor, ZListCursor);
  const where: PrismaNamespace.CatalogueItemWhereInput = {
    tenantId,
    AND: [buVisibility(q.buIds, q.buId), codeOrNameContains(q.q), after ? seekAfter(q.sort, after) : {}],
  };
  const rows = await tx.catalogueItem.findMany({ where, orderBy: orderFor(q.sort), take: q.limit + 1 });
  return pageOf(rows, q, toCatalogueItem);
}

export async function findCatalogueItem(tx: Tx, tenantId: string, id: string) {
  const row = await tx.catalogueItem.findFirst({ where: { id, tenantId } });
  return row ? toCatalogueItem(row) : null;
}

export async function findCatalogueItemByCode(tx: Tx, tenantId: string, code: string) {
  const row = await tx.catalogueItem.findFirst({ where: { tenantId, code } });
  return row ? toCatalogueItem(row) : null;
}

export async function createCatalogueItem(tx: Tx, tenantId: string, data: CatalogueData) {
  const row = await tx.catalogueItem.create({
    data: { ...data, targets: data.targets as PrismaNamespace.InputJsonValue, tenantId },
  });
  return toCatalogueItem(row);
}

/** Optimistic concurrency: the update applies only to the version the client read. Returns null when stale. */
export async function updateCatalogueItem(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: Partial<Omit<CatalogueData, "buId" | "code">>,
) {
  const { targets, ...rest } = data;
  const res = await tx.catalogueItem.updateMany({
    where: { id, tenantId, version },
    data: {
      ...rest,
      ...(targets !== undefined ? { targets: targets as PrismaNamespace.InputJsonValue } : {}),
      version: { increment: 1 },
    },
  });
  if (res.count === 0) return null;
  return findCatalogueItem(tx, tenantId, id);
}
