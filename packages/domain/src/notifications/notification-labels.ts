import type { ClockKind } from "../sla/clocks";
import type { TicketStatus } from "../tickets/status";
import { notificationLanguage, type NotificationLocale } from "./notification-events";

/** The words the web app shows for the same codes (locales/<lang>/desk.json), so e-mail and screen agree. */
export const TICKET_STATUS_LABELS: Record<NotificationLocale, Record<TicketStatus, string>> = {
  en: {
    new: "New",
    open: "Open",
    in_progress: "In progress",
    pending: "Pending",
    resolved: "Resolved",
    closed: "Closed",
  },
  es: {
    new: "Nuevo",
    open: "Abierto",
    in_progress: "En curso",
    pending: "Pendiente",
    resolved: "Resuelto",
    closed: "Cerrado",
  },
};

/** The default priority codes' names; a tenant's own codes are shown as they are. */
export const PRIORITY_LABELS: Record<NotificationLocale, Record<string, string>> = {
  en: { high: "High", medium: "Medium", low: "Low" },
  es: { high: "Alta", medium: "Media", low: "Baja" },
};

/** Lower case: the built-in texts put the clock's name inside a sentence ("The {{target}} target of case..."). */
export const CLOCK_LABELS: Record<NotificationLocale, Record<ClockKind, string>> = {
  en: {
    first_response: "first response",
    resolution: "resolution",
    periodic_update: "periodic update",
    follow_up: "follow-up report",
  },
  es: {
    first_response: "primera respuesta",
    resolution: "resolución",
    periodic_update: "actualización periódica",
    follow_up: "informe de seguimiento",
  },
};

const PERIODIC_UPDATE_MESSAGES: Record<NotificationLocale, (status: string) => string> = {
  en: (status) => `Current status: ${status}.`,
  es: (status) => `Estado actual: ${status}.`,
};

const labelOf = (labels: Record<string, string>, code: string): string =>
  Object.hasOwn(labels, code) ? (labels[code] ?? code) : code;

/** The labels below take any locale ("es-ES", "pt") and write in its notification language. */
export const ticketStatusLabel = (status: string, locale: string): string =>
  labelOf(TICKET_STATUS_LABELS[notificationLanguage(locale)], status);

export const priorityLabel = (priority: string, locale: string): string =>
  labelOf(PRIORITY_LABELS[notificationLanguage(locale)], priority);

export const clockLabel = (kind: string, locale: string): string =>
  labelOf(CLOCK_LABELS[notificationLanguage(locale)], kind);

/** What the automatic periodic update says in place of an agent's message: where the ticket stands. */
export const periodicUpdateMessage = (status: string, locale: string): string =>
  PERIODIC_UPDATE_MESSAGES[notificationLanguage(locale)](ticketStatusLabel(status, locale));

/**
 * An instant as e-mails show it, "2026-11-26 14:05 UTC": one unambiguous form for every recipient, whose time zone
 * the e-mail does not know.
 */
export function formatEmailDate(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
