import { deepEqual } from "./deep-equal";

/** Only the fields the user changed, so a PATCH never overwrites what someone else edited meanwhile. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!deepEqual(before[key], after[key])) patch[key] = after[key];
  }
  return patch;
}

/** Empty text fields mean "no value" for nullable columns. */
export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
