import { scopedBuIds } from "@atende/domain";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { requireEditable } from "../calendars/service-desk-scope";

/** Audit module of service-code and product writes. */
export const EXECUTION_MODULE = "execution";

/** BUs whose catalogue the caller may read: sellers and operators read their own BUs' codes and products. */
export function readableCatalogueBuIds(ctx: RequestContext): "all" | string[] {
  return ctx.principal.kind === "user" ? scopedBuIds(ctx.principal.roles, "bu.read") : "all";
}

export function canReadCatalogue(ctx: RequestContext, buId: string): boolean {
  const ids = readableCatalogueBuIds(ctx);
  return ids === "all" || ids.includes(buId);
}

/** Row filter: one requested BU (nothing when it is not readable), or every readable one. */
export function catalogueBuFilter(ctx: RequestContext, buId: string | undefined): { buId?: string | { in: string[] } } {
  const ids = readableCatalogueBuIds(ctx);
  if (buId) return ids === "all" || ids.includes(buId) ? { buId } : { buId: { in: [] } };
  return ids === "all" ? {} : { buId: { in: ids } };
}

export const duplicateKey = (path: string, what: string) =>
  new AppError("CONFLICT", {
    detail: `${path}: another ${what} of this business unit already uses this value`,
    fields: [{ path, message: `another ${what} of this business unit already uses this value` }],
  });

/**
 * The BU a write targets, after checking the caller may edit its parameters; an unknown BU (or another tenant's) is a
 * validation error on the field that named it.
 */
export async function editableBu(tx: Tx, ctx: RequestContext, buId: string, path: string) {
  const bu = await requireEditable(tx, ctx, buId, path);
  if (!bu) throw new AppError("NOT_FOUND", { detail: "business unit not found" });
  return bu;
}

/** Digits after the decimal point of an ISO 4217 currency (EUR 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
