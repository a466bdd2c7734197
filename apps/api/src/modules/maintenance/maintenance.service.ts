import { addBusinessDays, formatUtc, type Calendar, type NotificationText } from "@atende/domain";
import type { TBusinessUnit, TCreateMaintenanceWindowRequest, TMaintenanceWindow } from "@atende/contracts";
import type { TEmailMessage } from "@atende/jobs";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { findCalendarByCode } from "../calendars/calendars.repo";
import { readableBuIds, requireEditable, SERVICE_DESK_MODULE } from "../calendars/service-desk-scope";
import { resolveNotificationTemplate } from "../templates/notification-templates.service";
import { noticeEmail, type Audience, type NoticeLang } from "./maintenance-notice";
import * as repo from "./maintenance.repo";

/** Seed 004: scheduled windows are announced at least this many business days ahead. */
export const ANNOUNCE_BUSINESS_DAYS = 3;

const OFFICE_DAY: Array<[string, string]> = [["09:00", "18:00"]];

/**
 * The calendar counting the notice: the tenant's "business" calendar, else the one the seed names after the BU's
 * country (business-es), else office hours Mon-Fri 09:00-18:00 in the BU's time zone.
 */
async function noticeCalendar(tx: Tx, tenantId: string, bu: TBusinessUnit | null): Promise<Calendar> {
  for (const code of ["business", ...(bu ? [`business-${bu.country.toLowerCase()}`] : [])]) {
    const calendar = await findCalendarByCode(tx, tenantId, code);
    if (calendar) return calendar.definition;
  }
  const hours = {
    mon: OFFICE_DAY,
    tue: OFFICE_DAY,
    wed: OFFICE_DAY,
    thu: OFFICE_DAY,
    fri: OFFICE_DAY,
    sat: [],
    sun: [],
  };
  return { timezone: bu?.timezone ?? "UTC", hours, holidays: [] };
}

async function assertAnnouncedInTime(tx: Tx, tenantId: string, bu: TBusinessUnit | null, startsAt: Date, now: Date) {
  const earliest = addBusinessDays(await noticeCalendar(tx, tenantId, bu), now, ANNOUNCE_BUSINESS_DAYS);
  if (startsAt < earliest) {
    throw new AppError("RULE_VIOLATION", {
      detail:
        `scheduled maintenance must be announced at least ${ANNOUNCE_BUSINESS_DAYS} business days ahead; ` +
        `earliest start is ${formatUtc(earliest)} (an emergency window with a reason may start sooner)`,
    });
  }
}

/** Queues the announcement for every subscriber, in the language and time zone of the customer's BU. */
async function announce(tx: Tx, tenantId: string, window: TMaintenanceWindow): Promise<number> {
  const settings = await repo.buSettings(tx, tenantId);
  const templates = new Map<NoticeLang, NotificationText>();
  const messages: TEmailMessage[] = [];
  for (const subscriber of await repo.subscribers(tx, tenantId, window.buId)) {
    const bu = settings.get(subscriber.buId ?? window.buId ?? "");
    const audience: Audience = { lang: bu?.locale === "es" ? "es" : "en", timezone: bu?.timezone ?? "UTC" };
    let template = templates.get(audience.lang);
    if (!template) {
      template = await resolveNotificationTemplate(tx, tenantId, "maintenance.announced", audience.lang);
      templates.set(audience.lang, template);
    }
    const email = noticeEmail(window, subscriber, audience, template);
    if (email) messages.push(email);
  }
  await repo.insertEmails(tx, tenantId, messages);
  return messages.length;
}

export function listWindows(
  ctx: RequestContext,
  q: {
    limit: number;
    cursor?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    buId?: string | undefined;
  },
) {
  return ctx.run((tx) => repo.listWindows(tx, ctx.tenantId, { ...q, buIds: readableBuIds(ctx) }));
}

export function createWindow(ctx: RequestContext, input: TCreateMaintenanceWindowRequest, now: Date) {
  return ctx.run(async (tx) => {
    const buId = input.buId ?? null;
    const bu = await requireEditable(tx, ctx, buId);
    const startsAt = new Date(input.startsAt);
    if (input.kind === "scheduled") await assertAnnouncedInTime(tx, ctx.tenantId, bu, startsAt, now);
    const window = await repo.createWindow(tx, ctx.tenantId, {
      buId,
      kind: input.kind,
      title: input.title,
      product: input.product ?? null,
      startsAt,
      endsAt: new Date(input.endsAt),
      reason: input.reason ?? null,
      announcedAt: now,
      createdBy: ctx.actor.userId,
    });
    const notified = await announce(tx, ctx.tenantId, window);
    await recordAudit(tx, ctx, {
      action: "maintenance_window.create",
      module: SERVICE_DESK_MODULE,
      entityType: "maintenance_window",
      entityId: window.id,
      after: { ...window, notified },
    });
    return { ...window, notified };
  });
}
