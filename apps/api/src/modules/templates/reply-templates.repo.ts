import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TReplyTemplate } from "@atende/contracts";
import { decodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";
import { codeOrNameContains, pageOf, ZListCursor, type ListQuery } from "../calendars/listing";

type Row = {
  id: string;
  code: string;
  locale: string;
  name: string;
  body: string;
  version: number;
  createdAt: Date;
};

export type ReplyTemplateData = { code: string; locale: string; name: string; body: string };

export function toReplyTemplate(r: Row): TReplyTemplate {
  const { id, code, locale, name, body, version, createdAt } = r;
  return { id, code, locale, name, body, version, createdAt: createdAt.toISOString() };
}

export async function listReplyTemplates(tx: Tx, tenantId: string, q: ListQuery & { locale?: string | undefined }) {
  const after = decodeCursor(q.cursor, ZListCursor);
  const where: PrismaNamespace.ReplyTemplateWhereInput = {
    tenantId,
    ...(q.locale ? { locale: q.locale } : {}),
    AND: [codeOrNameContains(q.q), after ? seekAfter(q.sort, after) : {}],
  };
  const rows = await tx.replyTemplate.findMany({ where, orderBy: orderFor(q.sort), take: q.limit + 1 });
  return pageOf(rows, q, toReplyTemplate);
}

export async function findReplyTemplate(tx: Tx, tenantId: string, id: string) {
  const row = await tx.replyTemplate.findFirst({ where: { id, tenantId } });
  return row ? toReplyTemplate(row) : null;
}

export async function replyTemplateExists(tx: Tx, tenantId: string, code: string, locale?: string) {
  const row = await tx.replyTemplate.findFirst({
    where: { tenantId, code, ...(locale ? { locale } : {}) },
    select: { id: true },
  });
  return row !== null;
}

/** Codes among the given that have a template in at least one locale. */
export async function existingReplyTemplateCodes(tx: Tx, tenantId: string, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx.replyTemplate.findMany({
    where: { tenantId, code: { in: codes } },
    select: { code: true },
    distinct: ["code"],
  });
  return new Set(rows.map((r) => r.code));
}

export async function createReplyTemplate(tx: Tx, tenantId: string, data: ReplyTemplateData) {
  return toReplyTemplate(await tx.replyTemplate.create({ data: { ...data, tenantId } }));
}

/** Optimistic concurrency: the update applies only to the version the client read. Returns null when stale. */
export async function updateReplyTemplate(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: Partial<Pick<ReplyTemplateData, "name" | "body">>,
) {
  const res = await tx.replyTemplate.updateMany({
    where: { id, tenantId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (res.count === 0) return null;
  return findReplyTemplate(tx, tenantId, id);
}
