import { usedVariables } from "@atende/domain";

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
