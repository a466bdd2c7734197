import type { SxStatus } from "@atende/domain";

/** What a customer needs to know of a job: fewer, plainer steps than the operators' status machine. */
export const CUSTOMER_PHASES = [
  "awaiting_signature",
  "finding_professional",
  "professional_booked",
  "in_progress",
  "awaiting_sign_off",
  "completed",
  "being_redone",
  "cancelled",
] as const;
export type CustomerPhase = (typeof CUSTOMER_PHASES)[number];

const PHASE_OF: Record<SxStatus, CustomerPhase> = {
  pre_scheduled: "awaiting_signature",
  scheduled: "finding_professional",
  distributed: "finding_professional",
  confirmed: "professional_booked",
  in_progress: "in_progress",
  waiting_for_wcf: "awaiting_sign_off",
  done: "completed",
  closed: "completed",
  non_compliant: "being_redone",
  cancelled: "cancelled",
};

export const PHASE_COLORS: Record<CustomerPhase, string> = {
  awaiting_signature: "orange",
  finding_professional: "blue",
  professional_booked: "cyan",
  in_progress: "teal",
  awaiting_sign_off: "yellow",
  completed: "green",
  being_redone: "grape",
  cancelled: "gray",
};

export function customerPhase(status: SxStatus): CustomerPhase {
  return PHASE_OF[status];
}

/** The progress bar's value, bounded; a cancelled job shows no progress whatever the API computed. */
export function progressValue(status: SxStatus, percent: number): number {
  if (status === "cancelled") return 0;
  return Math.min(100, Math.max(0, Math.round(percent)));
}
