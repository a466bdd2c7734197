import {
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type TNotificationTemplate,
  type TPutNotificationTemplateRequest,
} from "@atende/contracts";
import type { Tx } from "@atende/db";
import {
  DEFAULT_NOTIFICATION_TEMPLATES,
  isNotificationLocale,
  NOTIFICATION_LOCALES,
  type NotificationText,
} from "@atende/domain";
import type { RequestContext } from "../../context";
import { staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { requireEditable, SERVICE_DESK_MODULE } from "../calendars/service-desk-scope";
import * as repo from "./notification-templates.repo";

/**
 * The text to send for an event in a locale: the tenant's own, else the built-in one; a locale with neither
 * (pt) falls back to English.
 */
export async function resolveNotificationTemplate(
  tx: Tx,
  tenantId: string,
  event: NotificationEvent,
  locale: string,
): Promise<NotificationText> {
  const own = await repo.findNotificationTemplate(tx, tenantId, event, locale);
  if (own) return own;
  if (isNotificationLocale(locale)) return DEFAULT_NOTIFICATION_TEMPLATES[event][locale];
  return (await repo.findNotificationTemplate(tx, tenantId, event, "en")) ?? DEFAULT_NOTIFICATION_TEMPLATES[event].en;
}

const view = (t: repo.StoredNotificationTemplate): TNotificationTemplate => ({
  ...t,
  event: t.event as NotificationEvent,
});

/** Saved templates plus the built-in ones (version 0, no id) for every event and default locale not saved yet. */
export function listNotificationTemplates(ctx: RequestContext, q: { event?: NotificationEvent; locale?: string }) {
  return ctx.run(async (tx) => {
    const stored = (await repo.listNotificationTemplates(tx, ctx.tenantId, q)).map(view);
    const saved = new Set(stored.map((t) => `${t.event} ${t.locale}`));
    const defaults = NOTIFICATION_EVENTS.filter((e) => !q.event || e === q.event).flatMap((event) =>
      NOTIFICATION_LOCALES.filter((l) => (!q.locale || l === q.locale) && !saved.has(`${event} ${l}`)).map(
        (locale) => ({
          id: null,
          event,
          locale,
          version: 0,
          ...DEFAULT_NOTIFICATION_TEMPLATES[event][locale],
        }),
      ),
    );
    const order = (t: TNotificationTemplate) =>
      `${NOTIFICATION_EVENTS.indexOf(t.event).toString().padStart(2, "0")} ${t.locale}`;
    return { items: [...stored, ...defaults].sort((a, b) => order(a).localeCompare(order(b))) };
  });
}

export function putNotificationTemplate(
  ctx: RequestContext,
  event: NotificationEvent,
  locale: string,
  input: TPutNotificationTemplateRequest,
) {
  return ctx.run(async (tx) => {
    await requireEditable(tx, ctx, null);
    const before = await repo.findNotificationTemplate(tx, ctx.tenantId, event, locale);
    if (input.version !== undefined && input.version !== (before?.version ?? 0)) {
      throw staleVersion("notification template");
    }
    const text = { subject: input.subject, body: input.body };
    const after = before
      ? await repo.updateNotificationTemplate(tx, ctx.tenantId, before.id, before.version, text)
      : await repo.createNotificationTemplate(tx, ctx.tenantId, { event, locale, ...text });
    if (!after) throw staleVersion("notification template");
    await recordAudit(tx, ctx, {
      action: "notification_template.update",
      module: SERVICE_DESK_MODULE,
      entityType: "notification_template",
      entityId: after.id,
      ...(before ? { before } : {}),
      after,
    });
    return view(after);
  });
}
