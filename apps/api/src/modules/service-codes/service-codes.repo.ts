import { randomUUID } from "node:crypto";
import type { Tx } from "@atende/db";
import type { PrismaNamespace } from "@atende/db";
import type { SxType } from "@atende/domain";
import type { TServiceCode } from "@atende/contracts";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";

const SELECT = {
  id: true,
  buId: true,
  code: true,
  label: true,
  profession: true,
  specialty: true,
  durationMinutes: true,
  customerPriceMinor: true,
  providerPriceMinor: true,
  sxType: true,
  active: true,
  version: true,
} satisfies PrismaNamespace.ServiceCodeSelect;

type Row = PrismaNamespace.ServiceCodeGetPayload<{ select: typeof SELECT }>;

export type ServiceCodeData = Omit<TServiceCode, "id" | "active" | "version">;
export type ServiceCodeChanges = Partial<Omit<ServiceCodeData, "buId" | "code">> & { active?: boolean };

export function toServiceCode(r: Row): TServiceCode {
  return { ...r, sxType: r.sxType as SxType };
}

// Codes are unique per BU only, so the BU is part of the sort key.
const ZCursor = z.object({ bu: z.uuid(), code: z.string().max(100), id: z.uuid() });

export async function listServiceCodes(
  tx: Tx,
  tenantId: string,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; bu: { buId?: string | { in: string[] } } },
) {
  const after = decodeCursor(q.cursor, ZCursor);
  const where: PrismaNamespace.ServiceCodeWhereInput = {
    tenantId,
    ...q.bu,
    AND: [
      q.q
        ? {
            OR: [{ code: { contains: q.q, mode: "insensitive" } }, { label: { contains: q.q, mode: "insensitive" } }],
          }
        : {},
      after
        ? {
            OR: [
              { buId: { gt: after.bu } },
              { buId: after.bu, code: { gt: after.code } },
              { buId: after.bu, code: after.code, id: { gt: after.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await tx.serviceCode.findMany({
    where,
    select: SELECT,
    orderBy: [{ buId: "asc" }, { code: "asc" }, { id: "asc" }],
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toServiceCode),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ bu: last.buId, code: last.code, id: last.id }) : null,
  };
}

export async function findServiceCode(tx: Tx, tenantId: string, id: string) {
  const row = await tx.serviceCode.findFirst({ where: { id, tenantId }, select: SELECT });
  return row ? toServiceCode(row) : null;
}

export async function serviceCodeExists(tx: Tx, tenantId: string, buId: string, code: string) {
  return (await tx.serviceCode.count({ where: { tenantId, buId, code } })) > 0;
}

export async function createServiceCode(tx: Tx, tenantId: string, data: ServiceCodeData) {
  return toServiceCode(await tx.serviceCode.create({ data: { ...data, tenantId }, select: SELECT }));
}

/** Optimistic concurrency: applies only to the version the client read; null when stale. */
export async function updateServiceCode(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  changes: ServiceCodeChanges,
) {
  const res = await tx.serviceCode.updateMany({
    where: { id, tenantId, version },
    data: { ...changes, version: { increment: 1 } },
  });
  return res.count === 0 ? null : findServiceCode(tx, tenantId, id);
}

export type ServiceCodeLine = Omit<ServiceCodeData, "buId">;

/**
 * Inserts new codes and updates existing ones in one statement. A row whose values are all the same is left alone
 * (no version bump); inserted rows come back at version 1, updated ones above it.
 */
export async function upsertServiceCodes(tx: Tx, tenantId: string, buId: string, lines: ServiceCodeLine[]) {
  const col = <K extends keyof ServiceCodeLine>(key: K) => lines.map((l) => l[key]);
  const rows = await tx.$queryRaw<{ code: string; version: number }[]>`
    INSERT INTO service_codes AS s (id, tenant_id, bu_id, code, label, profession, specialty, duration_minutes,
      customer_price_minor, provider_price_minor, sx_type, updated_at)
    SELECT v.id, ${tenantId}::uuid, ${buId}::uuid, v.code, v.label, v.profession, v.specialty, v.duration_minutes,
      v.customer_price_minor, v.provider_price_minor, v.sx_type, now()
    FROM unnest(${lines.map(() => randomUUID())}::uuid[], ${col("code")}::text[], ${col("label")}::text[],
      ${col("profession")}::text[], ${col("specialty")}::text[], ${col("durationMinutes")}::int[],
      ${col("customerPriceMinor")}::int[], ${col("providerPriceMinor")}::int[], ${col("sxType")}::text[])
      AS v(id, code, label, profession, specialty, duration_minutes, customer_price_minor, provider_price_minor, sx_type)
    ON CONFLICT (tenant_id, bu_id, code) DO UPDATE SET
      label = EXCLUDED.label, profession = EXCLUDED.profession, specialty = EXCLUDED.specialty,
      duration_minutes = EXCLUDED.duration_minutes, customer_price_minor = EXCLUDED.customer_price_minor,
      provider_price_minor = EXCLUDED.provider_price_minor, sx_type = EXCLUDED.sx_type,
      version = s.version + 1, updated_at = now()
    WHERE (s.label, s.profession, s.specialty, s.duration_minutes, s.customer_price_minor, s.provider_price_minor,
      s.sx_type) IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.profession, EXCLUDED.specialty, EXCLUDED.duration_minutes,
      EXCLUDED.customer_price_minor, EXCLUDED.provider_price_minor, EXCLUDED.sx_type)
    RETURNING s.code, s.version`;
  return {
    created: rows.filter((r) => r.version === 1).map((r) => r.code),
    updated: rows.filter((r) => r.version > 1).map((r) => r.code),
  };
}
