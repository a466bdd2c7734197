import { decideTicket, type TicketStatus } from "@atende/domain";
import type { TCreateTicketMessageRequest, TTicketEvent, TTicketMessage } from "@atende/contracts";
import { deskSettingsFor, recordTicketEvent, replanSla } from "@atende/desk";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { actorOf, assertVisible, ticketScope } from "./ticket-access";
import { afterCommit, type TicketDeps } from "./ticket-deps";
import { actingAgentName, queueRequesterEmail } from "./ticket-emails";
import * as repo from "./tickets.repo";

const toMessage = (m: {
  id: string;
  visibility: string;
  authorLabel: string;
  authorKind: string;
  body: string;
  createdAt: Date;
}): TTicketMessage => ({
  id: m.id,
  visibility: m.visibility as TTicketMessage["visibility"],
  authorLabel: m.authorLabel,
  authorKind: m.authorKind as TTicketMessage["authorKind"],
  body: m.body,
  createdAt: m.createdAt.toISOString(),
});

/**
 * Public agent replies reach the customer and the first one is the first response; internal notes stay with staff.
 * A customer's reply to a ticket waiting on them puts it back in progress.
 */
export async function addTicketMessage(
  deps: TicketDeps,
  ctx: RequestContext,
  id: string,
  input: TCreateTicketMessageRequest,
): Promise<TTicketMessage> {
  const scope = ticketScope(ctx);
  const actor = actorOf(scope);
  if (actor === "requester" && input.visibility !== "public") {
    throw new AppError("FORBIDDEN", { detail: "customers can only write public replies" });
  }
  const now = deps.now();
  const { message, refs } = await ctx.run(async (tx) => {
    const row = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    if (row.status === "closed") throw new AppError("CONFLICT", { detail: "the ticket is closed: open a new one" });
    const message = await repo.insertMessage(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      authorUserId: ctx.actor.userId,
      authorLabel: ctx.principal.kind === "user" ? ctx.principal.name : ctx.actor.label,
      authorKind: actor,
      visibility: input.visibility,
      body: input.body,
      createdAt: now,
    });
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type: input.visibility === "internal" ? "ticket.note_added" : "ticket.replied",
      data: { messageId: message.id },
      at: now,
    });
    if (input.visibility === "internal") return { message, refs: [] };
    if (actor === "staff") {
      await tx.ticket.update({
        where: { id },
        data: { lastPublicUpdateAt: now, ...(row.firstResponseAt ? {} : { firstResponseAt: now }) },
      });
      const mail = { ticket: row, publicUrl: deps.publicUrl, agentName: actingAgentName(ctx) };
      await queueRequesterEmail(tx, mail, "ticket.updated", { message: input.body });
    } else {
      const decision = decideTicket(
        {
          status: row.status as TicketStatus,
          resolvedAt: row.resolvedAt,
          pauseReason: row.pauseReason,
          isRequester: true,
        },
        "customer_reply",
        { actor: "requester", now, ...(await deskSettingsFor(tx, ctx.tenantId, row.buId)) },
      );
      if (decision.ok && decision.to !== row.status) {
        await repo.closeOpenPauses(tx, ctx.tenantId, id, now);
        await tx.ticket.update({
          where: { id },
          data: { status: decision.to, pauseReason: null, version: { increment: 1 } },
        });
        await recordTicketEvent(tx, {
          tenantId: ctx.tenantId,
          ticketId: id,
          actor: ctx.actor,
          type: "ticket.customer_reply",
          data: { from: row.status, to: decision.to },
          at: now,
        });
      }
    }
    return { message, refs: await replanSla(tx, ctx.tenantId, id, now) };
  });
  await afterCommit(deps, ctx.tenantId, id, refs);
  return toMessage(message);
}

export async function listTicketMessages(ctx: RequestContext, id: string) {
  const scope = ticketScope(ctx);
  return ctx.run(async (tx) => {
    assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    const rows = await repo.listMessages(tx, ctx.tenantId, id, scope.kind === "staff");
    return { items: rows.map(toMessage) };
  });
}

export async function listTicketEvents(ctx: RequestContext, id: string): Promise<{ items: TTicketEvent[] }> {
  const scope = ticketScope(ctx);
  if (scope.kind !== "staff") throw new AppError("FORBIDDEN", { detail: "the history is for agents" });
  return ctx.run(async (tx) => {
    assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    const rows = await repo.listEvents(tx, ctx.tenantId, id);
    return {
      items: rows.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actorLabel: e.actorLabel,
        type: e.type,
        data: e.data,
      })),
    };
  });
}
