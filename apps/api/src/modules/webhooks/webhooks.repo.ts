import type { Tx } from "@atende/db";
import type { PrismaNamespace } from "@atende/db";
import type { TWebhook } from "@atende/contracts";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";

// Never select the secret: these rows become API responses and audit entries.
const SELECT = {
  id: true,
  url: true,
  events: true,
  active: true,
  createdAt: true,
} satisfies PrismaNamespace.WebhookEndpointSelect;

type Row = PrismaNamespace.WebhookEndpointGetPayload<{ select: typeof SELECT }>;

export function toWebhook(r: Row): TWebhook {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

const ZCursor = z.object({ v: z.iso.datetime(), id: z.uuid() });
const SORT = "-createdAt";

export async function listWebhooks(tx: Tx, tenantId: string, q: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(q.cursor, ZCursor);
  const rows = await tx.webhookEndpoint.findMany({
    where: { tenantId, ...(after ? seekAfter(SORT, after) : {}) },
    select: SELECT,
    orderBy: orderFor(SORT),
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toWebhook),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export async function findWebhook(tx: Tx, tenantId: string, id: string) {
  const row = await tx.webhookEndpoint.findFirst({ where: { id, tenantId }, select: SELECT });
  return row ? toWebhook(row) : null;
}

export async function createWebhook(
  tx: Tx,
  data: { tenantId: string; url: string; events: string[]; secret: string },
): Promise<TWebhook> {
  return toWebhook(await tx.webhookEndpoint.create({ data, select: SELECT }));
}

/** Deliveries already queued for the endpoint then fail for good: the channel no longer finds it. */
export async function deleteWebhook(tx: Tx, tenantId: string, id: string) {
  const res = await tx.webhookEndpoint.deleteMany({ where: { id, tenantId } });
  return res.count > 0;
}
