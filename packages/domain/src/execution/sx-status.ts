import type { Role } from "../tenancy/roles";

export const SX_STATUSES = [
  "pre_scheduled",
  "scheduled",
  "distributed",
  "confirmed",
  "in_progress",
  "waiting_for_wcf",
  "done",
  "closed",
  "cancelled",
  "non_compliant",
] as const;
export type SxStatus = (typeof SX_STATUSES)[number];

export const SX_TYPES = ["installation", "technical_visit", "rework", "budget"] as const;
export type SxType = (typeof SX_TYPES)[number];

export const SX_ACTIONS = [
  // seller/operator/admin actions shown in the Service Management menu
  "send_contract",
  "show_contract_qr",
  "print_contract",
  "confirm_paper_signature",
  "upload_signed_contract",
  "skip_contract",
  "reschedule",
  "change_address",
  "change_contact",
  "modify_duration",
  "cancel",
  "add_note",
  "upload_document",
  "assign_provider",
  "open_rework",
  "request_extra_cost",
  "close_wcf_manually",
  // customer
  "sign_contract",
  "sign_wcf",
  "answer_survey",
  // provider
  "accept_offer",
  "refuse_offer",
  "assign_worker",
  "check_in",
  "check_out",
  "upload_report",
  // system / integration
  "auto_assign",
  "offer_timeout",
  "auto_close",
  "order_update",
  "order_cancel",
] as const;
export type SxAction = (typeof SX_ACTIONS)[number];

/** Who acts: a staff/customer/provider role, the order-system integration, or the system (worker timers). */
export type SxActor = { kind: "user"; roles: readonly Role[] } | { kind: "integration" } | { kind: "system" };

/** The subset offered in the staff Service Management menu. */
export const MENU_ACTIONS: readonly SxAction[] = SX_ACTIONS.slice(0, SX_ACTIONS.indexOf("close_wcf_manually") + 1);

/** Types whose customer signs a contract before a provider is sought (seed 002: rework needs no contract). */
export const CONTRACT_SX_TYPES: readonly SxType[] = ["installation", "technical_visit", "budget"];

/** Types closed by a work closing form; the quotation flows end with the provider's report instead. */
export const WCF_SX_TYPES: readonly SxType[] = ["installation", "rework"];

/** A rework SX skips the contract stage and waits for manual assignment (DOMAIN 3.9). */
export function initialSxStatus(type: SxType): SxStatus {
  return type === "rework" ? "scheduled" : "pre_scheduled";
}

export function isSxStatus(value: unknown): value is SxStatus {
  return (SX_STATUSES as readonly unknown[]).includes(value);
}

export function isSxAction(value: unknown): value is SxAction {
  return (SX_ACTIONS as readonly unknown[]).includes(value);
}
