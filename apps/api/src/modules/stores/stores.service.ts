import type { TCreateStoreRequest, TUpdateStoreRequest } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { AppError, notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { findBusinessUnit } from "../business-units/business-units.repo";
import { visibleBuIds } from "../business-units/business-units.service";
import * as repo from "./stores.repo";

const MODULE = "admin";

const invalidField = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", { detail: `${path}: ${message}`, fields: [{ path, message }] });

const codeTaken = () =>
  new AppError("CONFLICT", {
    detail: "body.code: another store already uses this code",
    fields: [{ path: "body.code", message: "another store already uses this code" }],
  });

function isVisible(ctx: RequestContext, buId: string) {
  const ids = visibleBuIds(ctx);
  return ids === "all" || ids.includes(buId);
}

export function listStores(
  ctx: RequestContext,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; buId?: string | undefined; sort: string },
) {
  return ctx.run((tx) => repo.listStores(tx, ctx.tenantId, { ...q, buIds: visibleBuIds(ctx) }));
}

/** A store of a BU the user cannot see behaves as absent. */
export async function getStore(ctx: RequestContext, id: string) {
  const store = await ctx.run((tx) => repo.findStore(tx, ctx.tenantId, id));
  if (!store || !isVisible(ctx, store.buId)) throw notFound("store");
  return store;
}

export function createStore(ctx: RequestContext, input: TCreateStoreRequest) {
  return ctx.run(async (tx) => {
    if (!(await findBusinessUnit(tx, ctx.tenantId, input.buId))) {
      throw invalidField("body.buId", "no such business unit in this tenant");
    }
    if (await repo.storeCodeTaken(tx, ctx.tenantId, input.code)) throw codeTaken();
    const store = await repo.createStore(tx, ctx.tenantId, {
      buId: input.buId,
      code: input.code,
      name: input.name,
      address: input.address ?? null,
      postcode: input.postcode ?? null,
    });
    await recordAudit(tx, ctx, {
      action: "store.create",
      module: MODULE,
      entityType: "store",
      entityId: store.id,
      after: store,
    });
    return store;
  });
}

export function updateStore(ctx: RequestContext, id: string, input: TUpdateStoreRequest) {
  return ctx.run(async (tx) => {
    const before = await repo.findStore(tx, ctx.tenantId, id);
    if (!before) throw notFound("store");
    const { version, ...changes } = input;
    if (
      changes.code !== undefined &&
      changes.code !== before.code &&
      (await repo.storeCodeTaken(tx, ctx.tenantId, changes.code, id))
    ) {
      throw codeTaken();
    }
    const after = await repo.updateStore(tx, ctx.tenantId, id, version, changes);
    if (!after) throw staleVersion("store");
    await recordAudit(tx, ctx, {
      action: "store.update",
      module: MODULE,
      entityType: "store",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
