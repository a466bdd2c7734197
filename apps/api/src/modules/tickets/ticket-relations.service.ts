import type { TTicketRelations } from "@atende/contracts";
import { recordTicketEvent } from "@atende/desk";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { assertVisible, ticketScope } from "./ticket-access";
import { afterCommit, type TicketDeps } from "./ticket-deps";
import * as repo from "./tickets.repo";

const field = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", { detail: `${path}: ${message}`, fields: [{ path, message }] });

async function staffTicket(ctx: RequestContext, tx: Tx, id: string) {
  const scope = ticketScope(ctx);
  const row = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
  if (scope.kind !== "staff")
    throw new AppError("FORBIDDEN", { detail: "only agents change checklists, links and watchers" });
  return row;
}

export async function relationsOf(tx: Tx, tenantId: string, ticketId: string): Promise<TTicketRelations> {
  const [items, links, watchers, escalations] = await Promise.all([
    tx.ticketChecklistItem.findMany({ where: { tenantId, ticketId }, orderBy: { position: "asc" } }),
    tx.ticketLink.findMany({ where: { tenantId, ticketId }, orderBy: { createdAt: "asc" } }),
    tx.ticketWatcher.findMany({ where: { tenantId, ticketId } }),
    tx.ticketEscalation.findMany({ where: { tenantId, ticketId }, orderBy: { at: "asc" } }),
  ]);
  const done = items.filter((i) => i.done).length;
  return {
    checklist: items.map((i) => ({
      id: i.id,
      position: i.position,
      title: i.title,
      templateCode: i.templateCode,
      done: i.done,
      doneAt: i.doneAt?.toISOString() ?? null,
    })),
    progress: items.length ? Math.round((done / items.length) * 100) : null,
    links: links.map((l) => ({
      id: l.id,
      targetType: l.targetType as TTicketRelations["links"][number]["targetType"],
      targetId: l.targetId,
      relation: l.relation as TTicketRelations["links"][number]["relation"],
    })),
    watcherIds: watchers.map((w) => w.userId),
    escalations: escalations.map((e) => ({
      level: e.level,
      label: e.label,
      actions: e.actions,
      at: e.at.toISOString(),
    })),
  };
}

export async function getRelations(ctx: RequestContext, id: string) {
  const scope = ticketScope(ctx);
  return ctx.run(async (tx) => {
    assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    const relations = await relationsOf(tx, ctx.tenantId, id);
    // Customers see their progress, not the agents' watchers or escalations.
    return scope.kind === "staff" ? relations : { ...relations, watcherIds: [], escalations: [] };
  });
}

export async function setChecklistItem(
  deps: TicketDeps,
  ctx: RequestContext,
  id: string,
  itemId: string,
  done: boolean,
) {
  const now = deps.now();
  await ctx.run(async (tx) => {
    await staffTicket(ctx, tx, id);
    const res = await tx.ticketChecklistItem.updateMany({
      where: { tenantId: ctx.tenantId, ticketId: id, id: itemId },
      data: { done, doneAt: done ? now : null, doneBy: done ? ctx.actor.userId : null },
    });
    if (res.count === 0) throw notFound("checklist item");
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type: done ? "checklist.done" : "checklist.undone",
      data: { itemId },
      at: now,
    });
  });
  await afterCommit(deps, ctx.tenantId, id, []);
  return getRelations(ctx, id);
}

export async function addLink(
  deps: TicketDeps,
  ctx: RequestContext,
  id: string,
  input: {
    targetType: "ticket" | "service_execution" | "project";
    targetId: string;
    relation: "relates" | "duplicates" | "caused_by" | "blocks";
  },
) {
  await ctx.run(async (tx) => {
    await staffTicket(ctx, tx, id);
    if (input.targetType === "ticket") {
      if (input.targetId === id) throw field("body.targetId", "a ticket cannot link to itself");
      if (!(await repo.findTicketRow(tx, ctx.tenantId, input.targetId))) throw field("body.targetId", "unknown ticket");
    }
    await tx.ticketLink.createMany({
      data: [{ tenantId: ctx.tenantId, ticketId: id, ...input }],
      skipDuplicates: true,
    });
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type: "ticket.linked",
      data: input,
    });
  });
  await afterCommit(deps, ctx.tenantId, id, []);
  return getRelations(ctx, id);
}

export async function setWatcher(deps: TicketDeps, ctx: RequestContext, id: string, userId: string, watching: boolean) {
  await ctx.run(async (tx) => {
    await staffTicket(ctx, tx, id);
    if (!(await tx.user.findFirst({ where: { tenantId: ctx.tenantId, id: userId } })))
      throw field("body.userId", "unknown user");
    if (watching) {
      await tx.ticketWatcher.createMany({
        data: [{ tenantId: ctx.tenantId, ticketId: id, userId }],
        skipDuplicates: true,
      });
    } else {
      await tx.ticketWatcher.deleteMany({ where: { tenantId: ctx.tenantId, ticketId: id, userId } });
    }
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type: watching ? "ticket.watcher_added" : "ticket.watcher_removed",
      data: { userId },
    });
  });
  await afterCommit(deps, ctx.tenantId, id, []);
  return getRelations(ctx, id);
}

/** An ad-hoc step added to the ticket's checklist (playbooks add theirs in bulk). */
export async function addChecklistItem(
  deps: TicketDeps,
  ctx: RequestContext,
  id: string,
  input: { title: string; templateCode?: string | undefined },
) {
  const item = await ctx.run(async (tx) => {
    await staffTicket(ctx, tx, id);
    const position = (await tx.ticketChecklistItem.count({ where: { tenantId: ctx.tenantId, ticketId: id } })) + 1;
    const created = await tx.ticketChecklistItem.create({
      data: {
        tenantId: ctx.tenantId,
        ticketId: id,
        position,
        title: input.title,
        templateCode: input.templateCode ?? null,
      },
    });
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type: "checklist.added",
      data: { itemId: created.id },
    });
    return created;
  });
  await afterCommit(deps, ctx.tenantId, id, []);
  return {
    id: item.id,
    position: item.position,
    title: item.title,
    templateCode: item.templateCode,
    done: item.done,
    doneAt: null,
  };
}
