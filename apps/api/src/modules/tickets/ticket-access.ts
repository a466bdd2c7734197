import { can, scopedBuIds, tokenCan } from "@atende/domain";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";
import type { TicketScope } from "./tickets.repo";

/** Staff who work tickets see their BUs' tickets; a customer sees only tickets they requested. */
export function ticketScope(ctx: RequestContext): TicketScope {
  const p = ctx.principal;
  if (p.kind === "token") {
    if (tokenCan(p.scopes, "tickets.work")) return { kind: "staff", buIds: "all", userId: null };
  } else if (can(p.roles, "tickets.work")) {
    return { kind: "staff", buIds: scopedBuIds(p.roles, "tickets.work"), userId: p.userId };
  } else if (can(p.roles, "tickets.portal")) {
    return { kind: "requester", userId: p.userId };
  }
  throw new AppError("FORBIDDEN", { detail: "tickets need the permission tickets.work or tickets.portal" });
}

export function assertVisible<T extends { buId: string | null; requesterUserId: string | null }>(
  scope: TicketScope,
  ticket: T | null,
): T {
  const visible =
    ticket !== null &&
    (scope.kind === "requester"
      ? ticket.requesterUserId === scope.userId
      : scope.buIds === "all" || ticket.buId === null || scope.buIds.includes(ticket.buId));
  if (!visible) throw notFound("ticket");
  return ticket!;
}

export const actorOf = (scope: TicketScope) =>
  (scope.kind === "staff" ? "staff" : "requester") as "staff" | "requester";
