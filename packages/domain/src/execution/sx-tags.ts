import type { SxEffect } from "./sx-effects";
import type { SxType } from "./sx-status";

/** Derived, filterable labels on an SX (seed 002 "Tags"); they are set and cleared only by transition effects. */
export const SX_TAGS = [
  "MANUAL_DISTRIBUTED",
  "ACCEPTANCE_SALES_CONDITIONS",
  "TECHNICAL_REPORT_SENT",
  "QUOTATION_APPROVED",
  "QUOTATION_REFUSED",
  "REWORK",
  "NON_COMPLIANT",
] as const;
export type SxTag = (typeof SX_TAGS)[number];

export function isSxTag(value: unknown): value is SxTag {
  return (SX_TAGS as readonly unknown[]).includes(value);
}

/** The tags an SX is created with: a rework job is recognisable as such from the start. */
export function initialSxTags(type: SxType): SxTag[] {
  return type === "rework" ? ["REWORK"] : [];
}

/** Tags after the effects, in order; sorted and unique so stored tag lists compare equal. */
export function applyTagEffects(tags: readonly string[], effects: readonly SxEffect[]): string[] {
  const result = new Set(tags);
  for (const effect of effects) {
    if (effect.type === "add-tag") result.add(effect.tag);
    if (effect.type === "remove-tag") result.delete(effect.tag);
  }
  return [...result].sort();
}
