import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TMaintenanceWindow } from "@atende/contracts";
import type { TEmailMessage } from "@atende/jobs";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { buVisibility } from "../calendars/listing";

type Row = {
  id: string;
  buId: string | null;
  kind: string;
  title: string;
  product: string | null;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
  announcedAt: Date;
  createdBy: string | null;
};

export type WindowData = Omit<Row, "id">;

export type Subscriber = { name: string; email: string; buId: string | null };

export function toWindow(r: Row): TMaintenanceWindow {
  return {
    ...r,
    kind: r.kind as TMaintenanceWindow["kind"],
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    announcedAt: r.announcedAt.toISOString(),
  };
}

const ZCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });

/** Windows overlapping [from, to), by start. */
export async function listWindows(
  tx: Tx,
  tenantId: string,
  q: {
    limit: number;
    cursor?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    buId?: string | undefined;
    buIds: "all" | string[];
  },
) {
  const after = decodeCursor(q.cursor, ZCursor);
  const where: PrismaNamespace.MaintenanceWindowWhereInput = {
    tenantId,
    ...(q.from ? { endsAt: { gt: new Date(q.from) } } : {}),
    ...(q.to ? { startsAt: { lt: new Date(q.to) } } : {}),
    AND: [
      buVisibility(q.buIds, q.buId),
      after
        ? { OR: [{ startsAt: { gt: new Date(after.at) } }, { startsAt: new Date(after.at), id: { gt: after.id } }] }
        : {},
    ],
  };
  const rows = await tx.maintenanceWindow.findMany({
    where,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit).map(toWindow);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.startsAt, id: last.id }) : null };
}

export async function createWindow(tx: Tx, tenantId: string, data: WindowData) {
  return toWindow(await tx.maintenanceWindow.create({ data: { ...data, tenantId } }));
}

/** Customers with an e-mail address: of the BU, or of the whole tenant when the window has no BU. */
export async function subscribers(tx: Tx, tenantId: string, buId: string | null): Promise<Subscriber[]> {
  const rows = await tx.customer.findMany({
    where: { tenantId, email: { not: null }, ...(buId ? { buId } : {}) },
    select: { name: true, email: true, buId: true },
    orderBy: { id: "asc" },
  });
  return rows.flatMap((r) => (r.email ? [{ name: r.name, email: r.email, buId: r.buId }] : []));
}

export async function buSettings(tx: Tx, tenantId: string) {
  const rows = await tx.businessUnit.findMany({
    where: { tenantId },
    select: { id: true, locale: true, timezone: true },
  });
  return new Map(rows.map((r) => [r.id, { locale: r.locale, timezone: r.timezone }]));
}

export async function insertEmails(tx: Tx, tenantId: string, messages: TEmailMessage[]) {
  if (messages.length === 0) return;
  await tx.outbox.createMany({
    data: messages.map((payload) => ({
      tenantId,
      kind: "email",
      status: "pending",
      payload: payload as PrismaNamespace.InputJsonValue,
    })),
  });
}
