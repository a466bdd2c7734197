export const NOTIFICATION_EVENTS = [
  "ticket.created",
  "ticket.updated",
  "ticket.resolved",
  "ticket.survey",
  "ticket.periodic_update",
  "ticket.failure_report_due",
  "ticket.breached",
  "ticket.escalated",
  "maintenance.announced",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The languages the built-in notification texts are written in; any other locale reads English. */
export const NOTIFICATION_LOCALES = ["en", "es"] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

export function isNotificationLocale(locale: string): locale is NotificationLocale {
  return (NOTIFICATION_LOCALES as readonly string[]).includes(locale);
}

/** A locale ("es", "es-ES", "pt") as the notification language: Spanish or English, English for anything else. */
export const notificationLanguage = (locale: string): NotificationLocale => (locale.slice(0, 2) === "es" ? "es" : "en");

/** What every ticket event's template receives. */
export const TICKET_VARIABLES = [
  "customerName",
  "ticketNumber",
  "ticketSubject",
  "ticketStatus",
  "priority",
  "ticketLink",
  "agentName",
] as const;
export type TicketVariable = (typeof TICKET_VARIABLES)[number];

/** What the services pass to each event's template: the built-in texts and the admin's editor rely on this table. */
export const EVENT_VARIABLES: Record<NotificationEvent, readonly string[]> = {
  "ticket.created": TICKET_VARIABLES,
  "ticket.updated": [...TICKET_VARIABLES, "message"],
  "ticket.resolved": [...TICKET_VARIABLES, "resolution", "reopenUntil"],
  "ticket.survey": [...TICKET_VARIABLES, "surveyLink"],
  "ticket.periodic_update": [...TICKET_VARIABLES, "message", "nextUpdateAt"],
  "ticket.failure_report_due": [...TICKET_VARIABLES, "resolvedAt", "dueAt"],
  "ticket.breached": [...TICKET_VARIABLES, "target", "dueAt"],
  "ticket.escalated": [...TICKET_VARIABLES, "escalationLevel", "escalationLabel"],
  "maintenance.announced": ["customerName", "title", "kindLabel", "product", "startsAt", "endsAt", "reason"],
};

// The placeholder syntax: {{ name }}, a letter first.
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct variables a text uses, in order of first use. */
export function usedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ""))].filter(Boolean);
}
