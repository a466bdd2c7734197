import type { TMaintenanceWindow } from "@atende/contracts";
import { ZEmailMessage, type TEmailMessage } from "@atende/jobs";
import type { NotificationText } from "@atende/domain";
import { renderTemplate } from "../templates/render";
import type { Subscriber } from "./maintenance.repo";

export type NoticeLang = "en" | "es";
export type Audience = { lang: NoticeLang; timezone: string };

const LABELS: Record<NoticeLang, { scheduled: string; emergency: string; product: string; reason: string }> = {
  en: { scheduled: "scheduled", emergency: "emergency", product: "our services", reason: "planned maintenance" },
  es: {
    scheduled: "programado",
    emergency: "de emergencia",
    product: "nuestros servicios",
    reason: "mantenimiento planificado",
  },
};

export function formatInZone(iso: string, lang: NoticeLang, timezone: string): string {
  const text = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short", timeZone: timezone }).format(
    new Date(iso),
  );
  return `${text} (${timezone})`;
}

/** One e-mail per subscriber in their language and time zone; an address the mailer would refuse is skipped. */
export function noticeEmail(
  window: TMaintenanceWindow,
  subscriber: Subscriber,
  audience: Audience,
  template: NotificationText,
): TEmailMessage | null {
  const labels = LABELS[audience.lang];
  const vars = {
    customerName: subscriber.name,
    title: window.title,
    kindLabel: labels[window.kind],
    product: window.product ?? labels.product,
    startsAt: formatInZone(window.startsAt, audience.lang, audience.timezone),
    endsAt: formatInZone(window.endsAt, audience.lang, audience.timezone),
    reason: window.reason ?? labels.reason,
  };
  const parsed = ZEmailMessage.safeParse({
    to: subscriber.email,
    subject: renderTemplate(template.subject, vars).slice(0, 500),
    text: renderTemplate(template.body, vars),
  });
  return parsed.success ? parsed.data : null;
}
