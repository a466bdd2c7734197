import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TTicketListQuery } from "@atende/contracts";
import { DUE_SOON_MINUTES, toClock, toTicket } from "@atende/desk";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";

/**
 * Case numbers are consecutive per tenant, so the increment locks the tenant's counter row until commit. Callers take
 * the number as late as possible in the creating transaction: creations then overlap for all their other work.
 */
export { assignTicketNumber } from "@atende/desk";

export async function insertTicket(tx: Tx, data: PrismaNamespace.TicketUncheckedCreateInput) {
  return tx.ticket.create({ data });
}

export async function findTicketRow(tx: Tx, tenantId: string, id: string) {
  return tx.ticket.findFirst({ where: { tenantId, id } });
}

export async function findClocks(tx: Tx, tenantId: string, ticketId: string) {
  const rows = await tx.slaClock.findMany({ where: { tenantId, ticketId }, orderBy: { kind: "asc" } });
  return rows.map(toClock);
}

/** Optimistic concurrency: null when the version moved on. */
export async function updateTicketVersioned(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: PrismaNamespace.TicketUncheckedUpdateManyInput,
) {
  const res = await tx.ticket.updateMany({
    where: { tenantId, id, version },
    data: { ...data, version: { increment: 1 } },
  });
  return res.count === 1;
}

export async function openPause(tx: Tx, tenantId: string, ticketId: string, from: Date, reason: string | null) {
  await tx.ticketPause.create({ data: { tenantId, ticketId, from, reason } });
}

export async function closeOpenPauses(tx: Tx, tenantId: string, ticketId: string, to: Date) {
  await tx.ticketPause.updateMany({ where: { tenantId, ticketId, to: null }, data: { to } });
}

const ZQueueCursor = z.object({ v: z.string().max(40).nullable(), id: z.uuid() });

export type TicketScope =
  { kind: "staff"; buIds: "all" | string[]; userId: string | null } | { kind: "requester"; userId: string };

function scopeWhere(scope: TicketScope): PrismaNamespace.TicketWhereInput {
  if (scope.kind === "requester") return { requesterUserId: scope.userId };
  return scope.buIds === "all" ? {} : { OR: [{ buId: null }, { buId: { in: scope.buIds } }] };
}

function viewWhere(q: TTicketListQuery, scope: TicketScope, now: Date): PrismaNamespace.TicketWhereInput {
  const open = { isOpen: true };
  switch (q.view) {
    case "all":
      return {};
    case "open":
      return open;
    case "mine":
      return { ...open, assigneeId: scope.kind === "staff" ? scope.userId : null };
    case "unassigned":
      return { ...open, assigneeId: null };
    case "due_soon":
      return { ...open, nextDueAt: { lte: new Date(now.getTime() + DUE_SOON_MINUTES * 60_000) }, breached: false };
    case "breached":
      return { ...open, breached: true };
    case "pending":
      return { status: "pending" };
  }
}

/** The queue: keyset pages over (nextDueAt nulls last, id), (createdAt desc, id) or (number desc). */
export async function listTickets(tx: Tx, tenantId: string, q: TTicketListQuery, scope: TicketScope, now: Date) {
  const after = decodeCursor(q.cursor, ZQueueCursor);
  const filters: PrismaNamespace.TicketWhereInput[] = [scopeWhere(scope), viewWhere(q, scope, now)];
  if (q.groupId) filters.push({ groupId: q.groupId });
  if (q.assigneeId) filters.push({ assigneeId: q.assigneeId });
  if (q.status) filters.push({ status: q.status });
  if (q.priority) filters.push({ priority: q.priority });
  if (q.type) filters.push({ type: q.type });
  if (q.q) {
    const ids = await searchIds(tx, q.q);
    const asNumber = /^\d{1,9}$/.test(q.q) ? Number(q.q) : null;
    filters.push({ OR: [{ id: { in: ids } }, ...(asNumber !== null ? [{ number: asNumber }] : [])] });
  }
  if (after) filters.push(seek(q.sort, after));
  const rows = await tx.ticket.findMany({
    where: { tenantId, AND: filters },
    orderBy: order(q.sort),
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toTicket),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v: cursorValue(q.sort, last), id: last.id }) : null,
  };
}

async function searchIds(tx: Tx, text: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT s.id FROM app_search_tickets(plainto_tsquery('simple', ${text}), 1000) s`;
  return rows.map((r) => r.id);
}

function order(sort: TTicketListQuery["sort"]): PrismaNamespace.TicketOrderByWithRelationInput[] {
  if (sort === "-createdAt") return [{ createdAt: "desc" }, { id: "desc" }];
  if (sort === "-number") return [{ number: "desc" }];
  return [{ nextDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];
}

function cursorValue(
  sort: TTicketListQuery["sort"],
  row: { nextDueAt: Date | null; createdAt: Date; number: number | null },
): string | null {
  if (sort === "-createdAt") return row.createdAt.toISOString();
  if (sort === "-number") return String(row.number);
  return row.nextDueAt ? row.nextDueAt.toISOString() : null;
}

function seek(
  sort: TTicketListQuery["sort"],
  after: { v: string | null; id: string },
): PrismaNamespace.TicketWhereInput {
  if (sort === "-number") return { number: { lt: Number(after.v) || 0 } };
  const at = after.v ? new Date(after.v) : null;
  if (at && Number.isNaN(at.getTime())) return { id: { in: [] } };
  if (sort === "-createdAt") {
    return at ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] } : { id: { in: [] } };
  }
  // nextDueAt ascending with nulls last: after a dated row come later dates, then every undated row.
  if (at === null) return { nextDueAt: null, id: { gt: after.id } };
  return { OR: [{ nextDueAt: { gt: at } }, { nextDueAt: at, id: { gt: after.id } }, { nextDueAt: null }] };
}

export async function insertMessage(
  tx: Tx,
  data: {
    tenantId: string;
    ticketId: string;
    authorUserId: string | null;
    authorLabel: string;
    authorKind: string;
    visibility: string;
    body: string;
    createdAt: Date;
  },
) {
  return tx.ticketMessage.create({ data });
}

export async function listMessages(tx: Tx, tenantId: string, ticketId: string, includeInternal: boolean) {
  return tx.ticketMessage.findMany({
    where: { tenantId, ticketId, ...(includeInternal ? {} : { visibility: "public" }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

export async function listEvents(tx: Tx, tenantId: string, ticketId: string) {
  return tx.ticketEvent.findMany({
    where: { tenantId, ticketId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: 2000,
  });
}
