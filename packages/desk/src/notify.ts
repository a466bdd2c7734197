import type { Tx } from "@atende/db";
import {
  DEFAULT_NOTIFICATION_TEMPLATES,
  notificationLanguage,
  type NotificationLocale,
  type NotificationText,
} from "@atende/domain";
import { insertOutbox } from "@atende/jobs";

export type NotificationVars = Record<string, string | number | null | undefined>;

/** The service execution's wording; these events have no template a tenant can edit yet. */
const JOB_DEFAULTS: Record<string, Record<NotificationLocale, NotificationText>> = {
  "job.contract_sent": {
    en: {
      subject: "Your service contract SX-{{jobNumber}} is ready to sign",
      body: "Hello {{customerName}},\n\nPlease read and sign your service contract (version {{version}}):\n{{signingUrl}}\n\nOnce it is signed we will confirm your installation date.",
    },
    es: {
      subject: "Su contrato de servicio SX-{{jobNumber}} está listo para firmar",
      body: "Hola {{customerName}}:\n\nLea y firme su contrato de servicio (versión {{version}}):\n{{signingUrl}}\n\nEn cuanto esté firmado le confirmaremos la fecha de instalación.",
    },
  },
  "job.contract_reminder": {
    en: {
      subject: "Reminder: your service contract SX-{{jobNumber}} is waiting for your signature",
      body: "Hello {{customerName}},\n\nYour service contract (version {{version}}) is not signed yet. You can sign it here:\n{{signingUrl}}",
    },
    es: {
      subject: "Recordatorio: su contrato SX-{{jobNumber}} espera su firma",
      body: "Hola {{customerName}}:\n\nSu contrato de servicio (versión {{version}}) aún no está firmado. Puede firmarlo aquí:\n{{signingUrl}}",
    },
  },
  "job.contract_signed": {
    en: {
      subject: "Contract SX-{{jobNumber}} signed",
      body: "Hello {{customerName}},\n\nThank you: your contract is signed. Your service is planned for {{plannedDate}}; we are now finding your installer.",
    },
    es: {
      subject: "Contrato SX-{{jobNumber}} firmado",
      body: "Hola {{customerName}}:\n\nGracias: su contrato está firmado. Su servicio está previsto para el {{plannedDate}}; ahora buscamos a su instalador.",
    },
  },
  "job.rescheduled": {
    en: {
      subject: "New date for your service SX-{{jobNumber}}",
      body: "Hello {{customerName}},\n\nYour service is now planned for {{plannedDate}}.",
    },
    es: {
      subject: "Nueva fecha para su servicio SX-{{jobNumber}}",
      body: "Hola {{customerName}}:\n\nSu servicio está ahora previsto para el {{plannedDate}}.",
    },
  },
  "job.cancelled": {
    en: {
      subject: "Your service SX-{{jobNumber}} is cancelled",
      body: "Hello {{customerName}},\n\nYour service SX-{{jobNumber}} has been cancelled. Contact us if you have any question.",
    },
    es: {
      subject: "Su servicio SX-{{jobNumber}} ha sido cancelado",
      body: "Hola {{customerName}}:\n\nSu servicio SX-{{jobNumber}} ha sido cancelado. Contacte con nosotros si tiene alguna pregunta.",
    },
  },
};

/**
 * What is sent while a tenant has not saved its own template for an event: for ticket events the same built-in texts
 * the admin screen shows and the seed stores.
 */
const DEFAULTS: Record<string, Record<NotificationLocale, NotificationText>> = {
  ...JOB_DEFAULTS,
  ...DEFAULT_NOTIFICATION_TEMPLATES,
};

/** The built-in text of an event in the e-mail's language; null for an event that has none. */
export function defaultTemplate(event: string, locale: string): NotificationText | null {
  return Object.hasOwn(DEFAULTS, event) ? (DEFAULTS[event]?.[notificationLanguage(locale)] ?? null) : null;
}

/** Replaces {{name}} with plain-text values; unknown variables stay visible so a broken template is noticed. */
export function renderText(template: string, vars: NotificationVars): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

export type EmailPayload = { to: string[]; subject: string; text: string };
/** E-mail subjects are cut to this many characters (app_file_ticket cuts the creation e-mails' in SQL). */
export const EMAIL_SUBJECT_LIMIT = 250;
type StoredTemplate = { subject: string; body: string };

/** The e-mail's two-letter locale: Spanish or English, English for anything else. */
export const emailLocale = (locale: string): NotificationLocale => notificationLanguage(locale);

/**
 * An e-mail rendered from the tenant's template for the event and locale, else the built-in one; null when there is
 * nobody to write to or no template at all. `subjectLimit` null leaves the subject whole for a caller that cuts it once
 * a placeholder in it is filled.
 */
export function renderEmail(
  event: string,
  locale: string,
  stored: StoredTemplate | null,
  to: string | string[],
  vars: NotificationVars,
  subjectLimit: number | null = EMAIL_SUBJECT_LIMIT,
): EmailPayload | null {
  const recipients = (Array.isArray(to) ? to : [to]).filter((x) => x.length > 0);
  const template = stored ?? defaultTemplate(event, locale);
  if (recipients.length === 0 || !template) return null;
  return {
    to: recipients,
    subject:
      subjectLimit === null
        ? renderText(template.subject, vars)
        : renderText(template.subject, vars).slice(0, subjectLimit),
    text: renderText(template.body, vars),
  };
}

/** Writes an e-mail to the outbox in the caller's transaction; the worker delivers it with retries. */
export async function queueEmail(
  tx: Tx,
  input: { tenantId: string; event: string; locale: string; to: string | string[]; vars: NotificationVars },
): Promise<boolean> {
  if (!(Array.isArray(input.to) ? input.to : [input.to]).some((x) => x.length > 0)) return false;
  const stored = await tx.notificationTemplate.findFirst({
    where: { tenantId: input.tenantId, event: input.event, locale: emailLocale(input.locale) },
  });
  const payload = renderEmail(input.event, input.locale, stored, input.to, input.vars);
  if (!payload) return false;
  await insertOutbox(tx, { tenantId: input.tenantId, kind: "email", payload });
  return true;
}

export async function notificationLocale(tx: Tx, tenantId: string, buId: string | null): Promise<string> {
  const bu = buId ? await tx.businessUnit.findFirst({ where: { tenantId, id: buId }, select: { locale: true } }) : null;
  return bu?.locale ?? "en";
}
