import { DEFAULT_WARNING_PERCENT } from "@atende/domain";
import type { TCatalogueItem } from "@atende/contracts";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { recordAudit } from "../audit/audit.repo";
import { SERVICE_DESK_MODULE } from "../calendars/service-desk-scope";
import * as policies from "../sla-policies/sla-policies.repo";

export const cataloguePolicyCode = (itemCode: string) => `catalogue-${itemCode}`;

/**
 * A catalogue item's targets reach tickets through an SLA policy conditioned on the item, like the seeded ones: the
 * policy follows the item on every write so the SLA engine reads policies only.
 */
export async function syncCataloguePolicy(tx: Tx, ctx: RequestContext, item: TCatalogueItem) {
  const code = cataloguePolicyCode(item.code);
  const fields = {
    conditions: { catalogueItemIds: [item.id], ...(item.buId ? { buIds: [item.buId] } : {}) },
    calendarId: item.calendarId,
    targets: item.targets,
    active: item.active,
  };
  const before = await policies.findPolicyByCode(tx, ctx.tenantId, code);
  const after = before
    ? await policies.updatePolicy(tx, ctx.tenantId, before.id, null, fields)
    : await policies.createPolicy(tx, ctx.tenantId, {
        ...fields,
        code,
        buId: item.buId,
        name: item.name,
        rank: 100,
        warningPercent: DEFAULT_WARNING_PERCENT,
        channelRules: [],
        escalation: [],
      });
  await recordAudit(tx, ctx, {
    action: before ? "sla_policy.update" : "sla_policy.create",
    module: SERVICE_DESK_MODULE,
    entityType: "sla_policy",
    entityId: after!.id,
    ...(before ? { before } : {}),
    after,
  });
}
