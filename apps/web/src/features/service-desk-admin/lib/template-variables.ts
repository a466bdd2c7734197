import type { NotificationEvent } from "@atende/contracts";

/** Variables an agent's predefined reply may use (seed 001: customer name, project progress, expected date...). */
export const REPLY_VARIABLES = [
  "customerName",
  "ticketNumber",
  "ticketSubject",
  "agentName",
  "supportEmail",
  "projectProgress",
  "expectedDeliveryDate",
] as const;

const TICKET = [
  "customerName",
  "ticketNumber",
  "ticketSubject",
  "ticketStatus",
  "priority",
  "ticketLink",
  "agentName",
] as const;

/** What the API passes to each event's template (the built-in texts document the same list). */
export const EVENT_VARIABLES: Record<NotificationEvent, readonly string[]> = {
  "ticket.created": TICKET,
  "ticket.updated": [...TICKET, "message"],
  "ticket.resolved": [...TICKET, "resolution", "reopenUntil"],
  "ticket.survey": [...TICKET, "surveyLink"],
  "ticket.periodic_update": [...TICKET, "message", "nextUpdateAt"],
  "ticket.failure_report_due": [...TICKET, "resolvedAt", "dueAt"],
  "ticket.breached": [...TICKET, "target", "dueAt"],
  "ticket.escalated": [...TICKET, "escalationLevel", "escalationLabel"],
  "maintenance.announced": ["customerName", "title", "kindLabel", "product", "startsAt", "endsAt", "reason"],
};

// The API's placeholder syntax: {{ name }}, a letter first.
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct variables a text uses, in order of first use. */
export function usedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ""))].filter(Boolean);
}

/** Variables a text uses that the template will not receive: they would be sent as written. */
export function unknownVariables(text: string, known: readonly string[]): string[] {
  return usedVariables(text).filter((name) => !known.includes(name));
}

/** Inserts `{{name}}` over the selection and says where the caret goes after it. */
export function insertVariable(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  name: string,
): { text: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  const placeholder = `{{${name}}}`;
  return { text: text.slice(0, start) + placeholder + text.slice(end), caret: start + placeholder.length };
}
