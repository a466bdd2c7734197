import { z } from "zod";

/** Cursor pagination: `?limit=&cursor=` in, `{ items, nextCursor }` out; the cursor is opaque to clients. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/** A sort parameter over named fields: `name` ascending, `-name` descending. */
export function sortParam<const F extends readonly [string, ...string[]]>(fields: F, fallback: string) {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(values).default(fallback);
}
