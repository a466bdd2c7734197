import type { BuParameters } from "../parameters/bu-parameters";

/** Bounds for anyone: a quarter of an hour up to two weeks of work. */
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 14 * 24 * 60;

export type DurationCheck =
  | { ok: true }
  | {
      ok: false;
      rule: "below_seller_minimum" | "above_original" | "out_of_range";
      message: string;
      minimum?: number;
      maximum?: number;
    };

/** Operators change the duration freely within bounds; sellers only between the BU ratio of the original and it. */
export function checkDurationChange(input: {
  actor: "operator" | "seller";
  originalMinutes: number;
  requestedMinutes: number;
  params: BuParameters;
}): DurationCheck {
  const { actor, originalMinutes, requestedMinutes, params } = input;
  if (
    !Number.isInteger(requestedMinutes) ||
    requestedMinutes < MIN_DURATION_MINUTES ||
    requestedMinutes > MAX_DURATION_MINUTES
  ) {
    return {
      ok: false,
      rule: "out_of_range",
      message: `The duration must be a whole number of minutes between ${MIN_DURATION_MINUTES} and ${MAX_DURATION_MINUTES}.`,
      minimum: MIN_DURATION_MINUTES,
      maximum: MAX_DURATION_MINUTES,
    };
  }
  if (actor === "operator") return { ok: true };
  // The epsilon keeps 2/3 of 90 at 60: the float product is a hair above it.
  const minimum = Math.ceil(originalMinutes * params.sellerMinimumDurationRatio - 1e-9);
  if (requestedMinutes < minimum) {
    return {
      ok: false,
      rule: "below_seller_minimum",
      message: `A seller can shorten the duration to ${minimum} minutes at least (original ${originalMinutes}).`,
      minimum,
    };
  }
  if (requestedMinutes > originalMinutes) {
    return {
      ok: false,
      rule: "above_original",
      message: `A seller cannot set a duration above the original ${originalMinutes} minutes.`,
      maximum: originalMinutes,
    };
  }
  return { ok: true };
}
