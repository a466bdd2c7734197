import { z } from "zod";
import { encodeCursor } from "../../lib/cursor";

export type ListQuery = { limit: number; cursor?: string | undefined; q?: string | undefined; sort: string };

export const ZListCursor = z.object({ v: z.string().max(300), id: z.uuid() });

/** Rows of the readable BUs plus tenant-level ones, optionally narrowed to one BU. */
export function buVisibility(buIds: "all" | string[], buId?: string): Record<string, unknown> {
  if (buId) return buIds === "all" || buIds.includes(buId) ? { buId } : { id: { in: [] } };
  return buIds === "all" ? {} : { OR: [{ buId: null }, { buId: { in: buIds } }] };
}

export function codeOrNameContains(q: string | undefined): Record<string, unknown> {
  if (!q) return {};
  return { OR: [{ name: { contains: q, mode: "insensitive" } }, { code: { contains: q, mode: "insensitive" } }] };
}

type Sortable = { id: string; code: string; name: string; createdAt: Date };

/** Cuts the extra row fetched to know whether another page exists and encodes the cursor from the last row kept. */
export function pageOf<R extends Sortable, T>(rows: R[], q: ListQuery, map: (r: R) => T) {
  const field = q.sort.replace(/^-/, "") as "code" | "name" | "createdAt";
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const v = last ? (field === "createdAt" ? last.createdAt.toISOString() : last[field]) : null;
  return {
    items: items.map(map),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v, id: last.id }) : null,
  };
}
