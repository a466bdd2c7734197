import type { TAuditListQuery } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { toCsv } from "../../lib/csv";
import { listAudit } from "./audit.repo";

export function listAuditEntries(ctx: RequestContext, query: TAuditListQuery) {
  return ctx.run((tx) => listAudit(tx, ctx.tenantId, query));
}

const EXPORT_MAX_ROWS = 50_000;

/** The export follows the same filters as the viewer, newest first, paging through the keyset cursor. */
export async function exportAuditCsv(
  ctx: RequestContext,
  query: Omit<TAuditListQuery, "limit" | "cursor">,
): Promise<string> {
  const rows: unknown[][] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.run((tx) => listAudit(tx, ctx.tenantId, { ...query, limit: 1000, cursor }));
    for (const e of page.items) {
      rows.push([
        e.at,
        e.actorLabel,
        e.action,
        e.module,
        e.entityType,
        e.entityId,
        e.outcome,
        e.sourceIp,
        e.before,
        e.after,
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < EXPORT_MAX_ROWS);
  return toCsv(
    ["at", "actor", "action", "module", "entity_type", "entity_id", "outcome", "source_ip", "before", "after"],
    rows,
  );
}
