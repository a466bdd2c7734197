/**
 * Keyset pagination over one sort field plus id: `sort` is "field" or "-field"; the cursor holds the last row's
 * field value and id. Dates travel as ISO strings and are compared as dates.
 */
export function orderFor(sort: string): Array<Record<string, "asc" | "desc">> {
  const desc = sort.startsWith("-");
  const field = sort.replace(/^-/, "");
  const dir = desc ? "desc" : "asc";
  return [{ [field]: dir }, { id: dir }];
}

export function seekAfter(sort: string, after: { v: string | number; id: string }): Record<string, unknown> {
  const desc = sort.startsWith("-");
  const field = sort.replace(/^-/, "");
  const value = field.endsWith("At") && typeof after.v === "string" ? new Date(after.v) : after.v;
  if (value instanceof Date && Number.isNaN(value.getTime())) return { id: { in: [] } };
  const cmp = desc ? "lt" : "gt";
  return { OR: [{ [field]: { [cmp]: value } }, { [field]: value, id: { [cmp]: after.id } }] };
}
