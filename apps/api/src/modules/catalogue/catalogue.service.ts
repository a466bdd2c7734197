import { requestSlaReplan } from "@atende/desk";
import type { TCreateCatalogueItemRequest, TUpdateCatalogueItemRequest } from "@atende/contracts";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { existingCalendarIds } from "../calendars/calendars.repo";
import type { ListQuery } from "../calendars/listing";
import {
  canRead,
  codeTaken,
  invalidField,
  readableBuIds,
  requireEditable,
  SERVICE_DESK_MODULE,
} from "../calendars/service-desk-scope";
import { syncCataloguePolicy } from "./catalogue-policy";
import * as repo from "./catalogue.repo";

async function assertCalendar(tx: Tx, tenantId: string, calendarId: string | undefined) {
  if (calendarId && !(await existingCalendarIds(tx, tenantId, [calendarId])).has(calendarId)) {
    throw invalidField("body.calendarId", "no such calendar in this tenant");
  }
}

export function listCatalogueItems(ctx: RequestContext, q: ListQuery & { buId?: string | undefined }) {
  return ctx.run((tx) => repo.listCatalogueItems(tx, ctx.tenantId, { ...q, buIds: readableBuIds(ctx) }));
}

export async function getCatalogueItem(ctx: RequestContext, id: string) {
  const item = await ctx.run((tx) => repo.findCatalogueItem(tx, ctx.tenantId, id));
  if (!item || !canRead(ctx, item.buId)) throw notFound("catalogue item");
  return item;
}

export function createCatalogueItem(ctx: RequestContext, input: TCreateCatalogueItemRequest) {
  return ctx.run(async (tx) => {
    // Open tickets' clocks follow the new configuration (recomputed page by page by the worker).
    await requestSlaReplan(tx, ctx.tenantId, new Date());
    const buId = input.buId ?? null;
    await requireEditable(tx, ctx, buId);
    await assertCalendar(tx, ctx.tenantId, input.calendarId);
    if (await repo.findCatalogueItemByCode(tx, ctx.tenantId, input.code)) throw codeTaken("catalogue item");
    const item = await repo.createCatalogueItem(tx, ctx.tenantId, {
      ...input,
      buId,
      description: input.description ?? null,
      active: true,
    });
    await syncCataloguePolicy(tx, ctx, item);
    await recordAudit(tx, ctx, {
      action: "catalogue_item.create",
      module: SERVICE_DESK_MODULE,
      entityType: "catalogue_item",
      entityId: item.id,
      after: item,
    });
    return item;
  });
}

export function updateCatalogueItem(ctx: RequestContext, id: string, input: TUpdateCatalogueItemRequest) {
  return ctx.run(async (tx) => {
    // Open tickets' clocks follow the new configuration (recomputed page by page by the worker).
    await requestSlaReplan(tx, ctx.tenantId, new Date());
    const before = await repo.findCatalogueItem(tx, ctx.tenantId, id);
    if (!before || !canRead(ctx, before.buId)) throw notFound("catalogue item");
    await requireEditable(tx, ctx, before.buId);
    const { version, ...changes } = input;
    // A stale edit is refused before any other check: the client must reload whatever else is wrong.
    if (before.version !== version) throw staleVersion("catalogue item");
    await assertCalendar(tx, ctx.tenantId, input.calendarId);
    const after = await repo.updateCatalogueItem(tx, ctx.tenantId, id, version, changes);
    if (!after) throw staleVersion("catalogue item");
    await syncCataloguePolicy(tx, ctx, after);
    await recordAudit(tx, ctx, {
      action: "catalogue_item.update",
      module: SERVICE_DESK_MODULE,
      entityType: "catalogue_item",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
