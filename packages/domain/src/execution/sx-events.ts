/**
 * Numbered SX history events. 127, 128 and 142 are the codes the retailer's guide cites; the rest follow ranges:
 * 10x order, 11x changes, 12x contract, 13x notes/documents, 14x cancel/skip, 15x tasks, 16x assignment,
 * 17x execution on site, 18x closing, 19x rework. Codes are stored in history rows: never renumber one.
 */
export const SX_EVENTS = {
  100: { name: "SX_CREATED", label: "Service execution created" },
  101: { name: "ORDER_UPDATED", label: "Order updated by the order system" },
  102: { name: "ORDER_CANCELLED", label: "Order cancelled by the order system" },
  103: {
    name: "ORDER_CANCEL_IGNORED_IN_PROGRESS",
    label: "Order cancellation ignored: the job is already in progress",
  },
  110: { name: "RESCHEDULED", label: "Rescheduled" },
  111: { name: "ADDRESS_CHANGED", label: "Worksite address changed" },
  112: { name: "POSTCODE_CHANGED_PROVIDER_CHECK", label: "Postcode changed: provider coverage to be checked" },
  113: { name: "CONTACT_CHANGED", label: "Customer contact changed" },
  114: { name: "DURATION_MODIFIED", label: "Duration modified" },
  120: { name: "CONTRACT_GENERATED", label: "Contract generated" },
  121: { name: "CONTRACT_SENT_EMAIL", label: "Contract sent by email" },
  122: { name: "CONTRACT_SHOWN_QR", label: "Contract shown as a QR code" },
  123: { name: "CONTRACT_PRINTED", label: "Contract printed" },
  124: { name: "CONTRACT_AUTO_SENT", label: "Contract sent automatically" },
  125: { name: "CONTRACT_REMINDER_SENT", label: "Contract signature reminder sent" },
  126: { name: "CONTRACT_SIGNED", label: "Contract signed by the customer" },
  127: { name: "CONTRACT_SIGNATURE_IN_PAPER", label: "Contract signature in paper confirmed" },
  128: { name: "CONTRACT_MANUALLY_UPLOADED", label: "Signed contract uploaded" },
  129: { name: "CONTRACT_VERSION_CANCELLED", label: "Contract version cancelled" },
  130: { name: "NOTE_ADDED", label: "Note added" },
  131: { name: "DOCUMENT_UPLOADED", label: "Document uploaded" },
  140: { name: "CANCELLED", label: "Service execution cancelled" },
  142: { name: "SKIP_CONTRACT", label: "Contract signature skipped" },
  150: { name: "TASK_OPENED", label: "Task opened" },
  151: { name: "TASK_CLOSED", label: "Task closed" },
  160: { name: "AUTO_ASSIGNED", label: "Provider assigned automatically" },
  161: { name: "AUTO_ASSIGNMENT_FAILED", label: "Automatic assignment found no provider" },
  162: { name: "OFFER_SENT", label: "Job offered to a provider" },
  163: { name: "OFFER_ACCEPTED", label: "Offer accepted by the provider" },
  164: { name: "OFFER_REFUSED", label: "Offer refused by the provider" },
  165: { name: "OFFER_TIMED_OUT", label: "Offer timed out" },
  166: { name: "PROVIDER_ASSIGNED", label: "Provider assigned manually" },
  167: { name: "WORKER_ASSIGNED", label: "Worker assigned" },
  170: { name: "CHECKED_IN", label: "Provider checked in" },
  171: { name: "CHECKED_OUT", label: "Provider checked out" },
  172: { name: "REPORT_UPLOADED", label: "Technical report uploaded" },
  173: { name: "EXTRA_COST_REQUESTED", label: "Extra cost requested" },
  180: { name: "WCF_SIGNED", label: "Work closing form signed" },
  181: { name: "WCF_CLOSED_MANUALLY", label: "Work closing form closed manually" },
  182: { name: "SURVEY_ANSWERED", label: "Satisfaction survey answered" },
  183: { name: "AUTO_CLOSED", label: "Closed automatically after the timeout" },
  190: { name: "REWORK_OPENED", label: "Rework opened" },
  191: { name: "MARKED_NON_COMPLIANT", label: "Marked non-compliant: a rework was opened" },
} as const satisfies Record<number, { name: string; label: string }>;

export type SxEventCode = keyof typeof SX_EVENTS;
export type SxEventName = (typeof SX_EVENTS)[SxEventCode]["name"];
export type SxEventCodeOf<N extends SxEventName> = {
  [C in SxEventCode]: (typeof SX_EVENTS)[C]["name"] extends N ? C : never;
}[SxEventCode];
export type SxEventInfo<N extends SxEventName = SxEventName> = { code: SxEventCodeOf<N>; name: N; label: string };

const BY_NAME = new Map<string, { code: number; label: string }>(
  Object.entries(SX_EVENTS).map(([code, event]) => [event.name, { code: Number(code), label: event.label }]),
);

export const SX_EVENT_NAMES = [...BY_NAME.keys()] as SxEventName[];

export function sxEvent<N extends SxEventName>(name: N): SxEventInfo<N> {
  const found = BY_NAME.get(name);
  if (!found) throw new Error(`unknown SX event ${name}`);
  return { code: found.code as SxEventCodeOf<N>, name, label: found.label };
}

export function isSxEventName(value: unknown): value is SxEventName {
  return typeof value === "string" && BY_NAME.has(value);
}
