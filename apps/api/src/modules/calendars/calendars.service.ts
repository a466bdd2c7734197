import { requestSlaReplan } from "@atende/desk";
import type { TCreateCalendarRequest, TUpdateCalendarRequest } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import * as repo from "./calendars.repo";
import { publicHolidays } from "./holidays";
import type { ListQuery } from "./listing";
import {
  canRead,
  codeTaken,
  invalidField,
  readableBuIds,
  requireEditable,
  SERVICE_DESK_MODULE,
} from "./service-desk-scope";

export function listCalendars(ctx: RequestContext, q: ListQuery & { buId?: string | undefined }) {
  return ctx.run((tx) => repo.listCalendars(tx, ctx.tenantId, { ...q, buIds: readableBuIds(ctx) }));
}

/** A calendar of a BU the caller cannot read behaves as absent. */
export async function getCalendar(ctx: RequestContext, id: string) {
  const calendar = await ctx.run((tx) => repo.findCalendar(tx, ctx.tenantId, id));
  if (!calendar || !canRead(ctx, calendar.buId)) throw notFound("calendar");
  return calendar;
}

export function createCalendar(ctx: RequestContext, input: TCreateCalendarRequest) {
  return ctx.run(async (tx) => {
    const buId = input.buId ?? null;
    await requireEditable(tx, ctx, buId);
    if (await repo.calendarCodeTaken(tx, ctx.tenantId, input.code)) throw codeTaken("calendar");
    const calendar = await repo.createCalendar(tx, ctx.tenantId, { ...input, buId });
    await recordAudit(tx, ctx, {
      action: "calendar.create",
      module: SERVICE_DESK_MODULE,
      entityType: "calendar",
      entityId: calendar.id,
      after: calendar,
    });
    return calendar;
  });
}

export function updateCalendar(ctx: RequestContext, id: string, input: TUpdateCalendarRequest) {
  return ctx.run(async (tx) => {
    // Open tickets' clocks follow the new configuration (recomputed page by page by the worker).
    await requestSlaReplan(tx, ctx.tenantId, new Date());
    const before = await repo.findCalendar(tx, ctx.tenantId, id);
    if (!before || !canRead(ctx, before.buId)) throw notFound("calendar");
    await requireEditable(tx, ctx, before.buId);
    const { version, ...changes } = input;
    // A stale edit is refused before any other check: the client must reload whatever else is wrong.
    if (before.version !== version) throw staleVersion("calendar");
    if (changes.code && (await repo.calendarCodeTaken(tx, ctx.tenantId, changes.code, id))) {
      throw codeTaken("calendar");
    }
    const after = await repo.updateCalendar(tx, ctx.tenantId, id, version, changes);
    if (!after) throw staleVersion("calendar");
    await recordAudit(tx, ctx, {
      action: "calendar.update",
      module: SERVICE_DESK_MODULE,
      entityType: "calendar",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export function listPublicHolidays(q: { country?: string | undefined; year: number; lang?: string | undefined }) {
  if (!q.country) return [];
  const holidays = publicHolidays(q.country, q.year, q.lang);
  if (!holidays) throw invalidField("querystring.country", `no holiday data for the country ${q.country}`);
  return holidays;
}
