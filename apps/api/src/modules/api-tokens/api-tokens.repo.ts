import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { ApiTokenScope } from "@atende/domain";
import type { TApiToken } from "@atende/contracts";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";

// Never select token_hash: these rows become API responses and audit entries.
const SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies PrismaNamespace.ApiTokenSelect;

type Row = PrismaNamespace.ApiTokenGetPayload<{ select: typeof SELECT }>;

export function toApiToken(r: Row): TApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes as ApiTokenScope[],
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

const ZCursor = z.object({ v: z.string(), id: z.uuid() });
const SORT = "-createdAt";

export async function listApiTokens(
  tx: Tx,
  tenantId: string,
  q: { limit: number; cursor?: string | undefined; includeRevoked: boolean },
) {
  const after = decodeCursor(q.cursor, ZCursor);
  const where: PrismaNamespace.ApiTokenWhereInput = {
    tenantId,
    ...(q.includeRevoked ? {} : { revokedAt: null }),
    ...(after ? seekAfter(SORT, after) : {}),
  };
  const rows = await tx.apiToken.findMany({ where, select: SELECT, orderBy: orderFor(SORT), take: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toApiToken),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export async function findApiToken(tx: Tx, tenantId: string, id: string) {
  const row = await tx.apiToken.findFirst({ where: { id, tenantId }, select: SELECT });
  return row ? toApiToken(row) : null;
}

export async function createApiToken(
  tx: Tx,
  data: {
    tenantId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    scopes: ApiTokenScope[];
    createdBy: string | null;
    expiresAt: Date | null;
  },
) {
  return toApiToken(await tx.apiToken.create({ data, select: SELECT }));
}

/** Revoking is one-way; a second revoke finds nothing to change and returns false. */
export async function revokeApiToken(tx: Tx, tenantId: string, id: string, at: Date) {
  const res = await tx.apiToken.updateMany({ where: { id, tenantId, revokedAt: null }, data: { revokedAt: at } });
  return res.count > 0;
}
