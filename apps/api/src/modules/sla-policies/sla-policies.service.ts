import { requestSlaReplan } from "@atende/desk";
import { ZSlaPolicyInput, type SlaConditions } from "@atende/domain";
import type { TCreateSlaPolicyRequest, TServiceSlaPolicy, TUpdateSlaPolicyRequest } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import type { ListQuery } from "../calendars/listing";
import {
  canRead,
  codeTaken,
  invalidField,
  readableBuIds,
  requireEditable,
  SERVICE_DESK_MODULE,
} from "../calendars/service-desk-scope";
import { checkPolicyReferences, fieldErrors } from "./policy-references";
import * as repo from "./sla-policies.repo";

// The matrix and the catalogue own the policies under these prefixes and overwrite them on every save.
const RESERVED_CODE = /^(matrix|catalogue)-/i;

/** A BU's policy serves that BU's tickets only: its conditions carry the BU, so matching needs no other column. */
export function scopedConditions(conditions: SlaConditions, buId: string | null, path = "body.conditions.buIds") {
  if (buId === null) return conditions;
  if (conditions.buIds && (conditions.buIds.length !== 1 || conditions.buIds[0] !== buId)) {
    throw invalidField(path, "a business unit's policy applies to that business unit only: leave buIds out");
  }
  return { ...conditions, buIds: [buId] };
}

/** The merged policy is validated as a whole, so a partial update cannot break a rule spanning several fields. */
function assertValidPolicy(p: Omit<repo.PolicyData, "code" | "buId" | "active">) {
  const parsed = ZSlaPolicyInput.safeParse({ id: "policy", ...p });
  if (parsed.success) return;
  throw fieldErrors(parsed.error.issues.map((i) => ({ path: ["body", ...i.path].join("."), message: i.message })));
}

function editable(p: TServiceSlaPolicy): Omit<repo.PolicyData, "code" | "buId" | "active"> {
  const { name, rank, conditions, calendarId, targets, warningPercent, channelRules, escalation } = p;
  return { name, rank, conditions, calendarId, targets, warningPercent, channelRules, escalation };
}

export function listPolicies(ctx: RequestContext, q: ListQuery & { buId?: string | undefined }) {
  return ctx.run((tx) => repo.listPolicies(tx, ctx.tenantId, { ...q, buIds: readableBuIds(ctx) }));
}

export async function getPolicy(ctx: RequestContext, id: string) {
  const policy = await ctx.run((tx) => repo.findPolicy(tx, ctx.tenantId, id));
  if (!policy || !canRead(ctx, policy.buId)) throw notFound("SLA policy");
  return policy;
}

export function createPolicy(ctx: RequestContext, input: TCreateSlaPolicyRequest) {
  return ctx.run(async (tx) => {
    // Open tickets' clocks follow the new configuration (recomputed page by page by the worker).
    await requestSlaReplan(tx, ctx.tenantId, new Date());
    const buId = input.buId ?? null;
    await requireEditable(tx, ctx, buId);
    const data: repo.PolicyData = {
      ...input,
      buId,
      conditions: scopedConditions(input.conditions, buId),
      channelRules: input.channelRules ?? [],
      escalation: input.escalation ?? [],
    };
    if (RESERVED_CODE.test(input.code)) {
      throw invalidField(
        "body.code",
        "codes starting with matrix- or catalogue- are kept for the matrix and the catalogue",
      );
    }
    await checkPolicyReferences(tx, ctx.tenantId, data);
    if (await repo.findPolicyByCode(tx, ctx.tenantId, input.code)) throw codeTaken("SLA policy");
    const policy = await repo.createPolicy(tx, ctx.tenantId, data);
    await recordAudit(tx, ctx, {
      action: "sla_policy.create",
      module: SERVICE_DESK_MODULE,
      entityType: "sla_policy",
      entityId: policy.id,
      after: policy,
    });
    return policy;
  });
}

export function updatePolicy(ctx: RequestContext, id: string, input: TUpdateSlaPolicyRequest) {
  return ctx.run(async (tx) => {
    // Open tickets' clocks follow the new configuration (recomputed page by page by the worker).
    await requestSlaReplan(tx, ctx.tenantId, new Date());
    const before = await repo.findPolicy(tx, ctx.tenantId, id);
    if (!before || !canRead(ctx, before.buId)) throw notFound("SLA policy");
    await requireEditable(tx, ctx, before.buId);
    const { version, active, ...fields } = input;
    // A stale edit is refused before any other check: the client must reload whatever else is wrong.
    if (before.version !== version) throw staleVersion("SLA policy");
    const changes = fields.conditions
      ? { ...fields, conditions: scopedConditions(fields.conditions, before.buId) }
      : fields;
    const merged = { ...editable(before), ...changes };
    assertValidPolicy(merged);
    await checkPolicyReferences(tx, ctx.tenantId, merged);
    const after = await repo.updatePolicy(tx, ctx.tenantId, id, version, {
      ...changes,
      ...(active !== undefined ? { active } : {}),
    });
    if (!after) throw staleVersion("SLA policy");
    await recordAudit(tx, ctx, {
      action: "sla_policy.update",
      module: SERVICE_DESK_MODULE,
      entityType: "sla_policy",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
