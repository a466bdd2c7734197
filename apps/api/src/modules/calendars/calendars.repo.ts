import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import { ZCalendar, type Calendar } from "@atende/domain";
import type { TBusinessCalendar } from "@atende/contracts";
import { decodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";
import { buVisibility, codeOrNameContains, pageOf, ZListCursor, type ListQuery } from "./listing";

type Row = {
  id: string;
  buId: string | null;
  code: string;
  name: string;
  definition: PrismaNamespace.JsonValue;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type CalendarData = { buId: string | null; code: string; name: string; definition: Calendar };

/** Definitions are validated on every write; parsing on read also fills defaults a stored row may lack. */
export function parseDefinition(value: PrismaNamespace.JsonValue): Calendar {
  return ZCalendar.parse(value);
}

export function toCalendar(r: Row): TBusinessCalendar {
  return {
    ...r,
    definition: parseDefinition(r.definition),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listCalendars(
  tx: Tx,
  tenantId: string,
  q: ListQuery & { buId?: string | undefined; buIds: "all" | string[] },
) {
  const after = decodeCursor(q.cursor, ZListCursor);
  const where: PrismaNamespace.BusinessCalendarWhereInput = {
    tenantId,
    AND: [buVisibility(q.buIds, q.buId), codeOrNameContains(q.q), after ? seekAfter(q.sort, after) : {}],
  };
  const rows = await tx.businessCalendar.findMany({ where, orderBy: orderFor(q.sort), take: q.limit + 1 });
  return pageOf(rows, q, toCalendar);
}

export async function findCalendar(tx: Tx, tenantId: string, id: string) {
  const row = await tx.businessCalendar.findFirst({ where: { id, tenantId } });
  return row ? toCalendar(row) : null;
}

export async function findCalendarByCode(tx: Tx, tenantId: string, code: string) {
  const row = await tx.businessCalendar.findFirst({ where: { tenantId, code } });
  return row ? toCalendar(row) : null;
}

/** Ids among the given that are calendars of this tenant. */
export async function existingCalendarIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.businessCalendar.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function calendarCodeTaken(tx: Tx, tenantId: string, code: string, exceptId?: string) {
  const row = await tx.businessCalendar.findFirst({
    where: { tenantId, code, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return row !== null;
}

export async function createCalendar(tx: Tx, tenantId: string, data: CalendarData) {
  const row = await tx.businessCalendar.create({
    data: { ...data, definition: data.definition as PrismaNamespace.InputJsonValue, tenantId },
  });
  return toCalendar(row);
}

/** Optimistic concurrency: the update applies only to the version the client read. Returns null when stale. */
export async function updateCalendar(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: Partial<Omit<CalendarData, "buId">>,
) {
  const { definition, ...rest } = data;
  const res = await tx.businessCalendar.updateMany({
    where: { id, tenantId, version },
    data: {
      ...rest,
      ...(definition !== undefined ? { definition: definition as PrismaNamespace.InputJsonValue } : {}),
      version: { increment: 1 },
    },
  });
  if (res.count === 0) return null;
  return findCalendar(tx, tenantId, id);
}
