import type { ZCreateGroupRequest, ZUpdateGroupRequest } from "@atende/contracts";
import type { Tx } from "@atende/db";
import type { z } from "zod";
import type { RequestContext } from "../../context";
import { AppError, notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { findBusinessUnit } from "../business-units/business-units.repo";
import { visibleBuIds } from "../business-units/business-units.service";
import { existingUserIds } from "../users/users.repo";
import * as repo from "./groups.repo";

const MODULE = "admin";

type CreateInput = z.output<typeof ZCreateGroupRequest>;
type UpdateInput = z.output<typeof ZUpdateGroupRequest>;

const invalidField = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", { detail: `${path}: ${message}`, fields: [{ path, message }] });

const codeTaken = () =>
  new AppError("CONFLICT", {
    detail: "body.code: another group already uses this code",
    fields: [{ path: "body.code", message: "another group already uses this code" }],
  });

function isVisible(ctx: RequestContext, buId: string | null) {
  const ids = visibleBuIds(ctx);
  return buId === null || ids === "all" || ids.includes(buId);
}

async function assertBu(tx: Tx, ctx: RequestContext, buId: string | null | undefined) {
  if (buId && !(await findBusinessUnit(tx, ctx.tenantId, buId))) {
    throw invalidField("body.buId", "no such business unit in this tenant");
  }
}

/** Members must be users of this tenant; returns them without repeats. */
async function checkedMembers(tx: Tx, ctx: RequestContext, memberIds: string[]) {
  const ids = [...new Set(memberIds)];
  const known = await existingUserIds(tx, ctx.tenantId, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw invalidField("body.memberIds", `no such user in this tenant: ${unknown.join(", ")}`);
  return ids;
}

export function listGroups(
  ctx: RequestContext,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; sort: string },
) {
  return ctx.run((tx) => repo.listGroups(tx, ctx.tenantId, { ...q, buIds: visibleBuIds(ctx) }));
}

export async function getGroup(ctx: RequestContext, id: string) {
  const group = await ctx.run((tx) => repo.findGroup(tx, ctx.tenantId, id));
  if (!group || !isVisible(ctx, group.buId)) throw notFound("group");
  return group;
}

export function createGroup(ctx: RequestContext, input: CreateInput) {
  return ctx.run(async (tx) => {
    await assertBu(tx, ctx, input.buId);
    const memberIds = await checkedMembers(tx, ctx, input.memberIds);
    if (await repo.groupCodeTaken(tx, ctx.tenantId, input.code)) throw codeTaken();
    const id = await repo.createGroup(tx, ctx.tenantId, {
      buId: input.buId ?? null,
      code: input.code,
      name: input.name,
      description: input.description ?? null,
    });
    await repo.replaceMembers(tx, ctx.tenantId, id, memberIds);
    const group = (await repo.findGroup(tx, ctx.tenantId, id))!;
    await recordAudit(tx, ctx, {
      action: "group.create",
      module: MODULE,
      entityType: "group",
      entityId: id,
      after: group,
    });
    return group;
  });
}

export function updateGroup(ctx: RequestContext, id: string, input: UpdateInput) {
  return ctx.run(async (tx) => {
    const before = await repo.findGroup(tx, ctx.tenantId, id);
    if (!before) throw notFound("group");
    const { version, memberIds, ...changes } = input;
    await assertBu(tx, ctx, changes.buId);
    const members = memberIds ? await checkedMembers(tx, ctx, memberIds) : undefined;
    if (
      changes.code !== undefined &&
      changes.code !== before.code &&
      (await repo.groupCodeTaken(tx, ctx.tenantId, changes.code, id))
    ) {
      throw codeTaken();
    }
    if (!(await repo.updateGroup(tx, ctx.tenantId, id, version, changes))) throw staleVersion("group");
    if (members) await repo.replaceMembers(tx, ctx.tenantId, id, members);
    const after = (await repo.findGroup(tx, ctx.tenantId, id))!;
    await recordAudit(tx, ctx, {
      action: "group.update",
      module: MODULE,
      entityType: "group",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
