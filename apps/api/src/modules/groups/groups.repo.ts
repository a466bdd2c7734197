import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TGroup } from "@atende/contracts";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";

type Editable = { buId: string | null; code: string; name: string; description: string | null };

const SELECT = {
  id: true,
  buId: true,
  code: true,
  name: true,
  description: true,
  version: true,
  createdAt: true,
  members: { select: { userId: true }, orderBy: { userId: "asc" } },
} satisfies PrismaNamespace.GroupSelect;

type Row = PrismaNamespace.GroupGetPayload<{ select: typeof SELECT }>;

export function toGroup(r: Row): TGroup {
  const { members, ...rest } = r;
  return { ...rest, memberIds: members.map((m) => m.userId), createdAt: r.createdAt.toISOString() };
}

// Every sort field here is text or a timestamp sent as ISO text; a number would fail in the query, not as a 400.
const ZCursor = z.object({ v: z.string().max(300), id: z.uuid() });

/** Tenant-level groups (no BU) are visible to everyone who may read; BU groups only within the reader's BUs. */
function visibility(buIds: "all" | string[]): PrismaNamespace.GroupWhereInput {
  return buIds === "all" ? {} : { OR: [{ buId: null }, { buId: { in: buIds } }] };
}

export async function listGroups(
  tx: Tx,
  tenantId: string,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; sort: string; buIds: "all" | string[] },
) {
  const field = q.sort.replace(/^-/, "") as "code" | "name" | "createdAt";
  const after = decodeCursor(q.cursor, ZCursor);
  const where: PrismaNamespace.GroupWhereInput = {
    tenantId,
    // The visibility filter, the text filter and the keyset seek are all ORs: AND keeps them from replacing each other.
    AND: [
      visibility(q.buIds),
      q.q
        ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { code: { contains: q.q, mode: "insensitive" } }] }
        : {},
      after ? seekAfter(q.sort, after) : {},
    ],
  };
  const rows = await tx.group.findMany({ where, select: SELECT, orderBy: orderFor(q.sort), take: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const v = last ? (field === "createdAt" ? last.createdAt.toISOString() : last[field]) : null;
  return {
    items: items.map(toGroup),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v, id: last.id }) : null,
  };
}

export async function findGroup(tx: Tx, tenantId: string, id: string) {
  const row = await tx.group.findFirst({ where: { id, tenantId }, select: SELECT });
  return row ? toGroup(row) : null;
}

export async function groupCodeTaken(tx: Tx, tenantId: string, code: string, exceptId?: string) {
  const row = await tx.group.findFirst({
    where: { tenantId, code, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return row !== null;
}

export async function createGroup(tx: Tx, tenantId: string, data: Editable) {
  const row = await tx.group.create({ data: { ...data, tenantId }, select: { id: true } });
  return row.id;
}

/** Optimistic concurrency: applies only to the version the client read. Returns false when stale. */
export async function updateGroup(tx: Tx, tenantId: string, id: string, version: number, data: Partial<Editable>) {
  const res = await tx.group.updateMany({
    where: { id, tenantId, version },
    data: { ...data, version: { increment: 1 } },
  });
  return res.count > 0;
}

export async function replaceMembers(tx: Tx, tenantId: string, groupId: string, userIds: string[]) {
  await tx.groupMember.deleteMany({ where: { tenantId, groupId } });
  if (userIds.length > 0)
    await tx.groupMember.createMany({ data: userIds.map((userId) => ({ tenantId, groupId, userId })) });
}
