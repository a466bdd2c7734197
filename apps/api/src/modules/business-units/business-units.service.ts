import { defaultBuParameters, scopedBuIds } from "@atende/domain";
import type { TCreateBusinessUnitRequest, TUpdateBusinessUnitRequest } from "@atende/contracts";
import { PrismaNamespace } from "@atende/db";
import type { RequestContext } from "../../context";
import { notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { insertParameterSet } from "../parameters/parameters.repo";
import * as repo from "./business-units.repo";

const MODULE = "admin";

/** Staff see the BUs their roles are scoped to; tenant-wide roles see all. */
export function visibleBuIds(ctx: RequestContext): "all" | string[] {
  return ctx.principal.kind === "user" ? scopedBuIds(ctx.principal.roles, "bu.read") : "all";
}

export function listBusinessUnits(
  ctx: RequestContext,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; sort: string },
) {
  return ctx.run((tx) => repo.listBusinessUnits(tx, ctx.tenantId, { ...q, buIds: visibleBuIds(ctx) }));
}

export async function getBusinessUnit(ctx: RequestContext, id: string) {
  const ids = visibleBuIds(ctx);
  const bu = await ctx.run((tx) => repo.findBusinessUnit(tx, ctx.tenantId, id));
  if (!bu || (ids !== "all" && !ids.includes(id))) throw notFound("business unit");
  return bu;
}

/** A new BU starts with version 1 of its parameter set: the seeds' defaults for its country. */
export function createBusinessUnit(ctx: RequestContext, input: TCreateBusinessUnitRequest) {
  return ctx.run(async (tx) => {
    const bu = await repo.createBusinessUnit(tx, ctx.tenantId, { ...input, contractTerms: input.contractTerms ?? "" });
    const parameters = defaultBuParameters(input.country);
    await insertParameterSet(tx, {
      tenantId: ctx.tenantId,
      buId: bu.id,
      version: 1,
      parameters: parameters as unknown as PrismaNamespace.InputJsonValue,
      changedBy: ctx.actor.userId,
      comment: "defaults for the country",
    });
    await recordAudit(tx, ctx, {
      action: "business_unit.create",
      module: MODULE,
      entityType: "business_unit",
      entityId: bu.id,
      after: bu,
    });
    return bu;
  });
}

export function updateBusinessUnit(ctx: RequestContext, id: string, input: TUpdateBusinessUnitRequest) {
  return ctx.run(async (tx) => {
    const before = await repo.findBusinessUnit(tx, ctx.tenantId, id);
    if (!before) throw notFound("business unit");
    const { version, ...changes } = input;
    const after = await repo.updateBusinessUnit(tx, ctx.tenantId, id, version, changes);
    if (!after) throw staleVersion("business unit");
    await recordAudit(tx, ctx, {
      action: "business_unit.update",
      module: MODULE,
      entityType: "business_unit",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
