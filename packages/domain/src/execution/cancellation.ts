export const CANCEL_REASONS = [
  "customer_request",
  "duplicate_order",
  "product_unavailable",
  "technically_not_feasible",
  "price_disagreement",
  "provider_unavailable",
  "other",
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const CANCEL_JUSTIFICATION_MIN = 10;
export const CANCEL_JUSTIFICATION_MAX = 500;

export type CancellationCheck = { ok: true } | { ok: false; field: "reason" | "justification"; message: string };

export function isCancelReason(value: unknown): value is CancelReason {
  return (CANCEL_REASONS as readonly unknown[]).includes(value);
}

/** DOMAIN 3.3: a reason from the list and a justification of 10-500 characters, counted after trimming. */
export function checkCancellation(input: { reason: string; justification: string }): CancellationCheck {
  if (!isCancelReason(input.reason)) {
    return { ok: false, field: "reason", message: `The reason must be one of: ${CANCEL_REASONS.join(", ")}.` };
  }
  const length = input.justification.trim().length;
  if (length < CANCEL_JUSTIFICATION_MIN || length > CANCEL_JUSTIFICATION_MAX) {
    return {
      ok: false,
      field: "justification",
      message: `The justification must be between ${CANCEL_JUSTIFICATION_MIN} and ${CANCEL_JUSTIFICATION_MAX} characters.`,
    };
  }
  return { ok: true };
}
