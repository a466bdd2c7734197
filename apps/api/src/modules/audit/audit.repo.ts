import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TAuditEntry, TAuditListQuery } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";

export type AuditRecord = {
  action: string;
  module: string;
  entityType?: string;
  entityId?: string;
  outcome?: "success" | "failure";
  before?: unknown;
  after?: unknown;
};

type AuditActor = Pick<RequestContext, "tenantId" | "actor" | "ip" | "requestId">;

function json(value: unknown) {
  return value === undefined || value === null ? PrismaNamespace.DbNull : (value as PrismaNamespace.InputJsonValue);
}

export async function recordAudit(tx: Tx, ctx: AuditActor, entry: AuditRecord): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      actorLabel: ctx.actor.label,
      action: entry.action,
      module: entry.module,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      sourceIp: ctx.ip,
      outcome: entry.outcome ?? "success",
      before: json(entry.before),
      after: json(entry.after),
      requestId: ctx.requestId,
    },
  });
}

const ZAuditCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });

export async function listAudit(
  tx: Tx,
  tenantId: string,
  query: Omit<TAuditListQuery, "limit" | "cursor"> & { limit: number; cursor?: string | undefined },
): Promise<{ items: TAuditEntry[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ZAuditCursor);
  const rows = await tx.auditLog.findMany({
    where: {
      tenantId,
      ...(query.userId ? { actorUserId: query.userId } : {}),
      ...(query.action ? { action: { contains: query.action, mode: "insensitive" } } : {}),
      ...(query.module ? { module: query.module } : {}),
      ...(query.from || query.to
        ? {
            at: {
              ...(query.from ? { gte: new Date(query.from) } : {}),
              ...(query.to ? { lte: new Date(query.to) } : {}),
            },
          }
        : {}),
      ...(after ? { OR: [{ at: { lt: new Date(after.at) } }, { at: new Date(after.at), id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    action: r.action,
    module: r.module,
    entityType: r.entityType,
    entityId: r.entityId,
    sourceIp: r.sourceIp,
    outcome: r.outcome,
    before: r.before,
    after: r.after,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
}
