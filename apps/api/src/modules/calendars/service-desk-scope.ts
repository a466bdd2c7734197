import { can, scopedBuIds } from "@atende/domain";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { findBusinessUnit } from "../business-units/business-units.repo";

/** Audit module of every service-desk configuration write. */
export const SERVICE_DESK_MODULE = "service_desk";

export const invalidField = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", { detail: `${path}: ${message}`, fields: [{ path, message }] });

export const codeTaken = (what: string) =>
  new AppError("CONFLICT", {
    detail: `body.code: another ${what} already uses this code`,
    fields: [{ path: "body.code", message: `another ${what} already uses this code` }],
  });

/** BUs whose configuration rows the caller may read; tenant-level rows (no BU) are readable by every reader. */
export function readableBuIds(ctx: RequestContext): "all" | string[] {
  return ctx.principal.kind === "user" ? scopedBuIds(ctx.principal.roles, "sla.preview") : "all";
}

export function canRead(ctx: RequestContext, buId: string | null): boolean {
  const ids = readableBuIds(ctx);
  return buId === null || ids === "all" || ids.includes(buId);
}

/**
 * A BU-scoped row needs the edit right in that BU; a tenant-level row needs it tenant-wide. An unknown BU (or
 * another tenant's) is a validation error on the field that named it.
 */
export async function requireEditable(tx: Tx, ctx: RequestContext, buId: string | null, path = "body.buId") {
  const bu = buId ? await findBusinessUnit(tx, ctx.tenantId, buId) : null;
  if (buId && !bu) throw invalidField(path, "no such business unit in this tenant");
  const p = ctx.principal;
  if (p.kind === "user" && !can(p.roles, "bu.parameters.edit", { buId })) {
    const where = buId ? "this business unit" : "the whole tenant";
    throw new AppError("FORBIDDEN", { detail: `editing this needs the permission bu.parameters.edit for ${where}` });
  }
  return bu;
}
