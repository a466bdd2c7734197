import { DEFAULT_PRIORITIES, type PriorityLevel } from "@atende/domain";
import type { TReplacePrioritiesRequest } from "@atende/contracts";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { requireEditable, SERVICE_DESK_MODULE } from "../calendars/service-desk-scope";
import * as repo from "./priorities.repo";

/** The tenant's levels; the domain defaults until the tenant saves its own. */
export async function tenantPriorities(
  tx: Tx,
  tenantId: string,
): Promise<{ items: PriorityLevel[]; isDefault: boolean }> {
  const stored = await repo.listPriorities(tx, tenantId);
  return stored.length > 0 ? { items: stored, isDefault: false } : { items: [...DEFAULT_PRIORITIES], isDefault: true };
}

export function getPriorities(ctx: RequestContext) {
  return ctx.run((tx) => tenantPriorities(tx, ctx.tenantId));
}

/** A level still named by an SLA policy cannot go: tickets of that priority would silently lose their SLA. */
async function assertRemovable(tx: Tx, tenantId: string, removed: string[]) {
  if (removed.length === 0) return;
  const usage = await repo.prioritiesUsedByPolicies(tx, tenantId);
  for (const [policyCode, codes] of usage) {
    const code = removed.find((c) => codes.has(c));
    if (code !== undefined) {
      throw new AppError("RULE_VIOLATION", {
        detail: `priority ${code} is used by the SLA policy ${policyCode}: change that policy before removing the priority`,
      });
    }
  }
}

export function replacePriorities(ctx: RequestContext, input: TReplacePrioritiesRequest) {
  return ctx.run(async (tx) => {
    await requireEditable(tx, ctx, null);
    const before = await tenantPriorities(tx, ctx.tenantId);
    const kept = new Set(input.levels.map((l) => l.code));
    await assertRemovable(
      tx,
      ctx.tenantId,
      before.items.map((l) => l.code).filter((code) => !kept.has(code)),
    );
    await repo.replacePriorities(tx, ctx.tenantId, input.levels);
    const after = await tenantPriorities(tx, ctx.tenantId);
    await recordAudit(tx, ctx, {
      action: "priorities.replace",
      module: SERVICE_DESK_MODULE,
      entityType: "priorities",
      before: before.items,
      after: after.items,
    });
    return after;
  });
}
