import type { TTicketDetail, TTicketListQuery } from "@atende/contracts";
import { deskSettingsFor, findRequesterName, toTicket } from "@atende/desk";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { toCsv } from "../../lib/csv";
import { allowedActionsFor } from "./ticket-actions.service";
import { actorOf, assertVisible, ticketScope } from "./ticket-access";
import type { TicketDeps } from "./ticket-deps";
import * as repo from "./tickets.repo";

export { createTicket } from "./ticket-create.service";

export async function getTicket(deps: TicketDeps, ctx: RequestContext, id: string): Promise<TTicketDetail> {
  const scope = ticketScope(ctx);
  return ctx.run(async (tx) => {
    const row = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    const clocks = await repo.findClocks(tx, ctx.tenantId, id);
    const settings = await deskSettingsFor(tx, ctx.tenantId, row.buId);
    return {
      ...toTicket(row),
      requesterName: await findRequesterName(tx, ctx.tenantId, row),
      clocks,
      allowedActions: allowedActionsFor(row, actorOf(scope), deps.now(), settings),
    };
  });
}

export function listTickets(deps: TicketDeps, ctx: RequestContext, query: TTicketListQuery) {
  const scope = ticketScope(ctx);
  // An API token is nobody: "mine" would silently mean "unassigned".
  if (query.view === "mine" && scope.kind === "staff" && scope.userId === null) {
    const message = "the view mine needs a signed-in user; API tokens use open or unassigned";
    throw new AppError("VALIDATION_FAILED", {
      detail: `query.view: ${message}`,
      fields: [{ path: "query.view", message }],
    });
  }
  return ctx.read((sql) => repo.listTickets(sql, ctx.tenantId, query, scope, deps.now()));
}

const EXPORT_MAX_ROWS = 50_000;

/** The queue as CSV with the same view and filters, paging through the keyset cursor. */
export async function exportTicketsCsv(
  deps: TicketDeps,
  ctx: RequestContext,
  query: Omit<TTicketListQuery, "limit" | "cursor">,
) {
  const rows: unknown[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listTickets(deps, ctx, { ...query, limit: 200, cursor });
    for (const x of repo.ticketsOf(page)) {
      rows.push([
        x.number,
        x.subject,
        x.status,
        x.type,
        x.priority,
        x.channel,
        x.groupId,
        x.assigneeId,
        x.nextDueAt,
        x.breached,
        x.createdAt,
        x.resolvedAt,
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < EXPORT_MAX_ROWS);
  return toCsv(
    [
      "number",
      "subject",
      "status",
      "type",
      "priority",
      "channel",
      "group_id",
      "assignee_id",
      "next_due_at",
      "breached",
      "created_at",
      "resolved_at",
    ],
    rows,
  );
}
