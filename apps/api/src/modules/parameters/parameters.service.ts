import { can, diffBuParameters, defaultBuParameters, ZBuParameters, type BuParameters } from "@atende/domain";
import type { TUpdateBuParametersRequest } from "@atende/contracts";
import { PrismaNamespace, type Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { AppError, notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { findBusinessUnit } from "../business-units/business-units.repo";
import * as repo from "./parameters.repo";

type Need = "bu.parameters.read" | "bu.parameters.edit";

/** Another BU the user has no role in behaves as absent; a visible BU without the edit right is a 403. */
async function requireBu(tx: Tx, ctx: RequestContext, buId: string, need: Need) {
  const bu = await findBusinessUnit(tx, ctx.tenantId, buId);
  const p = ctx.principal;
  if (
    !bu ||
    (p.kind === "user" && !can(p.roles, "bu.parameters.read", { buId }) && !can(p.roles, "bu.read", { buId }))
  ) {
    throw notFound("business unit");
  }
  if (p.kind === "user" && !can(p.roles, need, { buId })) {
    throw new AppError("FORBIDDEN", { detail: `this business unit's parameters need the permission ${need}` });
  }
  return bu;
}

function parse(stored: unknown, country: string): BuParameters {
  // Parameters stored by an older release may lack newer keys: fill them with the defaults.
  const parsed = ZBuParameters.safeParse({ ...defaultBuParameters(country), ...(stored as object) });
  return parsed.success ? parsed.data : defaultBuParameters(country);
}

export function getParameters(ctx: RequestContext, buId: string) {
  return ctx.run(async (tx) => {
    const bu = await requireBu(tx, ctx, buId, "bu.parameters.read");
    const set = await repo.latestParameterSet(tx, ctx.tenantId, buId);
    if (!set) {
      return {
        buId,
        version: 0,
        parameters: defaultBuParameters(bu.country),
        changedBy: null,
        comment: null,
        createdAt: bu.createdAt,
      };
    }
    return { ...set, parameters: parse(set.parameters, bu.country), createdAt: set.createdAt.toISOString() };
  });
}

export function updateParameters(ctx: RequestContext, buId: string, input: TUpdateBuParametersRequest) {
  return ctx.run(async (tx) => {
    const bu = await requireBu(tx, ctx, buId, "bu.parameters.edit");
    const current = await repo.latestParameterSet(tx, ctx.tenantId, buId);
    const currentVersion = current?.version ?? 0;
    if (input.version !== currentVersion) throw staleVersion("the parameter set");
    const before = current ? parse(current.parameters, bu.country) : defaultBuParameters(bu.country);
    const after = ZBuParameters.parse(input.parameters);
    const changes = diffBuParameters(before, after);
    if (changes.length === 0) {
      throw new AppError("RULE_VIOLATION", { detail: "no parameter changed: nothing to save" });
    }
    // The (tenant, bu, version) unique key turns a concurrent save of the same version into a conflict.
    await repo.insertParameterSet(tx, {
      tenantId: ctx.tenantId,
      buId,
      version: currentVersion + 1,
      parameters: after as unknown as PrismaNamespace.InputJsonValue,
      changedBy: ctx.actor.userId,
      comment: input.comment ?? null,
    });
    await recordAudit(tx, ctx, {
      action: "bu_parameters.update",
      module: "parameters",
      entityType: "business_unit",
      entityId: buId,
      before: Object.fromEntries(changes.map((c) => [c.key, c.before])),
      after: Object.fromEntries(changes.map((c) => [c.key, c.after])),
    });
    const saved = await repo.latestParameterSet(tx, ctx.tenantId, buId);
    return { ...saved!, parameters: after, createdAt: saved!.createdAt.toISOString() };
  });
}

/** Each version with what changed from the one before it. */
export function parameterHistory(ctx: RequestContext, buId: string) {
  return ctx.run(async (tx) => {
    const bu = await requireBu(tx, ctx, buId, "bu.parameters.read");
    const rows = await repo.parameterHistory(tx, ctx.tenantId, buId, 101);
    const items = rows.slice(0, 100).map((row, i) => {
      const previous = rows[i + 1];
      const after = parse(row.parameters, bu.country);
      const before = previous ? parse(previous.parameters, bu.country) : defaultBuParameters(bu.country);
      const { parameters: _omit, ...rest } = row;
      return {
        ...rest,
        createdAt: row.createdAt.toISOString(),
        changes: previous ? diffBuParameters(before, after) : [],
      };
    });
    return { items };
  });
}
