/**
 * A number from an input, or the text itself when it is not one, so validation names the field instead of a default
 * standing in for it; empty is undefined (the field is left out).
 */
export function numberOrText(value: number | string): number | string | undefined {
  if (typeof value === "number") return value;
  const text = value.trim();
  if (text === "") return undefined;
  const number = Number(text.replace(",", "."));
  return Number.isFinite(number) ? number : text;
}

/** Trimmed text, or undefined when empty (optional fields are left out of the request). */
export function textOrUndefined(value: string): string | undefined {
  const text = value.trim();
  return text === "" ? undefined : text;
}

/** Moves an item one place up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}
