import { requestSlaReplan } from "@atende/desk";
import { matchPolicy, TICKET_TYPES, type PriorityLevel } from "@atende/domain";
import type { TFieldError, TPutSlaMatrixRequest, TServiceSlaPolicy, TSlaMatrix } from "@atende/contracts";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { notFound } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { findBusinessUnit } from "../business-units/business-units.repo";
import { existingCalendarIds } from "../calendars/calendars.repo";
import { canRead, requireEditable, SERVICE_DESK_MODULE } from "../calendars/service-desk-scope";
import { tenantPriorities } from "../priorities/priorities.service";
import { fieldErrors } from "./policy-references";
import * as repo from "./sla-policies.repo";

/**
 * Matrix cells rank ahead of other policies stating as many conditions (the seeds' use 100), so the cell an admin
 * saved is the one the matrix then shows; more specific policies (a contract tier, a channel) still win.
 */
export const MATRIX_RANK = 90;

type Cell = TPutSlaMatrixRequest["cells"][number];

export const matrixPolicyCode = (buId: string | null, type: string, priority: string) =>
  `matrix-${buId ?? "all"}-${type}-${priority}`;

function buildMatrix(buId: string | null, levels: PriorityLevel[], rows: TServiceSlaPolicy[]): TSlaMatrix {
  const policies = rows.map(repo.toDomainPolicy);
  const codeById = new Map(rows.map((p) => [p.id, p.code]));
  const cells = TICKET_TYPES.flatMap((type) =>
    levels.map((level) => {
      // No channel, tier or catalogue item: policies conditioned on them do not apply to the plain cell.
      const policy = matchPolicy(policies, {
        buId,
        type,
        priority: level.code,
        channel: "",
        tier: null,
        catalogueItemId: null,
      });
      return {
        type,
        priority: level.code,
        policyId: policy?.id ?? null,
        policyCode: policy ? (codeById.get(policy.id) ?? null) : null,
        targets: policy?.targets ?? null,
        calendarId: policy?.calendarId ?? null,
        warningPercent: policy?.warningPercent ?? null,
      };
    }),
  );
  return { buId, types: [...TICKET_TYPES], priorities: levels, cells };
}

async function loadMatrix(tx: Tx, tenantId: string, buId: string | null): Promise<TSlaMatrix> {
  const levels = await tenantPriorities(tx, tenantId);
  return buildMatrix(buId, levels.items, await repo.activePolicyRows(tx, tenantId));
}

export function getMatrix(ctx: RequestContext, buId: string | undefined) {
  return ctx.run(async (tx) => {
    if (buId && (!(await findBusinessUnit(tx, ctx.tenantId, buId)) || !canRead(ctx, buId))) {
      throw notFound("business unit");
    }
    return loadMatrix(tx, ctx.tenantId, buId ?? null);
  });
}

/** Every cell is checked before anything is written, and all problems are reported at once. */
async function assertValidCells(tx: Tx, tenantId: string, cells: Cell[]) {
  const levels = new Set((await tenantPriorities(tx, tenantId)).items.map((l) => l.code));
  const calendars = await existingCalendarIds(tx, tenantId, [...new Set(cells.map((c) => c.calendarId))]);
  const errors: TFieldError[] = [];
  cells.forEach((cell, i) => {
    if (!levels.has(cell.priority)) {
      errors.push({ path: `body.cells.${i}.priority`, message: `not a priority level: ${cell.priority}` });
    }
    if (!calendars.has(cell.calendarId)) {
      errors.push({ path: `body.cells.${i}.calendarId`, message: "no such calendar in this tenant" });
    }
  });
  if (errors.length) throw fieldErrors(errors);
}

async function upsertCell(tx: Tx, ctx: RequestContext, buId: string | null, cell: Cell) {
  const code = matrixPolicyCode(buId, cell.type, cell.priority);
  const conditions = { types: [cell.type], priorities: [cell.priority], ...(buId ? { buIds: [buId] } : {}) };
  const fields = {
    conditions,
    calendarId: cell.calendarId,
    targets: cell.targets,
    warningPercent: cell.warningPercent,
  };
  const before = await repo.findPolicyByCode(tx, ctx.tenantId, code);
  const after = before
    ? await repo.updatePolicy(tx, ctx.tenantId, before.id, null, { ...fields, active: true })
    : await repo.createPolicy(tx, ctx.tenantId, {
        ...fields,
        code,
        buId,
        name: `${cell.type} / ${cell.priority}`,
        rank: MATRIX_RANK,
        channelRules: [],
        escalation: [],
        active: true,
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

/** One policy per cell, in one transaction: an invalid cell leaves every policy as it was. */
export function putMatrix(ctx: RequestContext, input: TPutSlaMatrixRequest) {
  return ctx.run(async (tx) => {
    // Open tickets' clocks follow the new configuration (recomputed page by page by the worker).
    await requestSlaReplan(tx, ctx.tenantId, new Date());
    const buId = input.buId ?? null;
    await requireEditable(tx, ctx, buId);
    await assertValidCells(tx, ctx.tenantId, input.cells);
    for (const cell of input.cells) await upsertCell(tx, ctx, buId, cell);
    return loadMatrix(tx, ctx.tenantId, buId);
  });
}
