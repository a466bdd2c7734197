import { checkChannel, DEFAULT_PRIORITIES, matchPolicy } from "@atende/domain";
import type { TCreateTicketRequest, TTicketDetail, TTicketListQuery } from "@atende/contracts";
import {
  deskSettingsFor,
  loadPolicies,
  notificationLocale,
  queueEmail,
  recordTicketEvent,
  replanSla,
  renderText,
  toTicket,
} from "@atende/desk";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { toCsv } from "../../lib/csv";
import { allowedActionsFor } from "./ticket-actions.service";
import { actorOf, assertVisible, ticketScope } from "./ticket-access";
import { afterCommit, type TicketDeps } from "./ticket-deps";
import * as repo from "./tickets.repo";

const field = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", { detail: `${path}: ${message}`, fields: [{ path, message }] });

async function checkReferences(tx: Tx, tenantId: string, input: TCreateTicketRequest) {
  const levels = await tx.priority.findMany({ where: { tenantId }, select: { code: true } });
  const codes = levels.length ? levels.map((l) => l.code) : DEFAULT_PRIORITIES.map((l) => l.code);
  if (!codes.includes(input.priority)) throw field("body.priority", `must be one of ${codes.join(", ")}`);
  if (input.buId && !(await tx.businessUnit.findFirst({ where: { tenantId, id: input.buId } })))
    throw field("body.buId", "unknown business unit");
  if (input.groupId && !(await tx.group.findFirst({ where: { tenantId, id: input.groupId } })))
    throw field("body.groupId", "unknown group");
  if (
    input.catalogueItemId &&
    !(await tx.catalogueItem.findFirst({ where: { tenantId, id: input.catalogueItemId } }))
  ) {
    throw field("body.catalogueItemId", "unknown catalogue item");
  }
  if (
    input.requesterCustomerId &&
    !(await tx.customer.findFirst({ where: { tenantId, id: input.requesterCustomerId } }))
  ) {
    throw field("body.requesterCustomerId", "unknown customer");
  }
}

/** A customer files for themselves; staff file on behalf of a customer or an e-mail address. */
async function requesterOf(tx: Tx, ctx: RequestContext, input: TCreateTicketRequest, asCustomer: boolean) {
  if (!asCustomer || ctx.principal.kind !== "user") {
    const customer = input.requesterCustomerId
      ? await tx.customer.findFirst({ where: { tenantId: ctx.tenantId, id: input.requesterCustomerId } })
      : null;
    return {
      customerId: customer?.id ?? null,
      userId: customer?.userId ?? null,
      email: input.requesterEmail ?? customer?.email ?? null,
      name: customer?.name ?? "",
    };
  }
  const customer = await tx.customer.findFirst({ where: { tenantId: ctx.tenantId, userId: ctx.principal.userId } });
  return {
    customerId: customer?.id ?? null,
    userId: ctx.principal.userId,
    email: ctx.principal.email,
    name: customer?.name ?? ctx.principal.name,
  };
}

export async function createTicket(
  deps: TicketDeps,
  ctx: RequestContext,
  input: TCreateTicketRequest,
): Promise<TTicketDetail> {
  const scope = ticketScope(ctx);
  const asCustomer = scope.kind === "requester";
  const now = deps.now();
  const { id, refs } = await ctx.run(async (tx) => {
    await checkReferences(tx, ctx.tenantId, input);
    const requester = await requesterOf(tx, ctx, input, asCustomer);
    const policies = await loadPolicies(tx, ctx.tenantId);
    const policy = matchPolicy(policies, {
      buId: input.buId ?? null,
      type: input.type,
      priority: input.priority,
      channel: input.channel,
      tier: input.organisationTier ?? null,
      catalogueItemId: input.catalogueItemId ?? null,
    });
    const channel = checkChannel(policy, input.priority, input.channel);
    const ticket = await repo.insertTicket(tx, {
      tenantId: ctx.tenantId,
      subject: input.subject,
      description: input.description,
      channel: input.channel,
      proposedType: input.type,
      proposedPriority: input.priority,
      type: input.type,
      priority: input.priority,
      buId: input.buId ?? null,
      catalogueItemId: input.catalogueItemId ?? null,
      organisationTier: input.organisationTier ?? null,
      groupId: asCustomer ? null : (input.groupId ?? null),
      requesterCustomerId: requester.customerId,
      requesterUserId: requester.userId,
      requesterEmail: requester.email,
      tags: [...new Set([...(input.tags ?? []), ...(channel.allowed ? [] : ["channel_not_allowed"])])],
      channelFlag: channel.allowed ? null : "channel_not_allowed",
      createdAt: now,
    });
    const refs = await replanSla(tx, ctx.tenantId, ticket.id, now, policies);
    const number = await repo.assignTicketNumber(tx, ctx.tenantId, ticket.id);
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: ticket.id,
      actor: ctx.actor,
      type: "ticket.created",
      data: { number, channel: input.channel },
      at: now,
    });
    const vars = { ticketNumber: number, subject: input.subject, customerName: requester.name };
    const locale = await notificationLocale(tx, ctx.tenantId, input.buId ?? null);
    if (requester.email)
      await queueEmail(tx, { tenantId: ctx.tenantId, event: "ticket.created", locale, to: requester.email, vars });
    if (!channel.allowed)
      await autoReply(tx, ctx.tenantId, ticket.id, channel, { ...vars, locale }, requester.email, now);
    return { id: ticket.id, refs };
  });
  await afterCommit(deps, ctx.tenantId, id, refs, true);
  return getTicket(deps, ctx, id);
}

/** A ticket on a channel its priority may not use gets the policy's automatic reply (seed 001 channel rules). */
async function autoReply(
  tx: Tx,
  tenantId: string,
  ticketId: string,
  channel: { allowed: false; autoReplyTemplate: string; allowedChannels: string[] },
  vars: Record<string, string | number>,
  email: string | null,
  now: Date,
) {
  const template =
    (await tx.replyTemplate.findFirst({
      where: { tenantId, code: channel.autoReplyTemplate, locale: String(vars.locale) },
    })) ?? (await tx.replyTemplate.findFirst({ where: { tenantId, code: channel.autoReplyTemplate } }));
  const body = renderText(
    template?.body ?? "This channel does not serve this priority; please use: {{allowedChannels}}.",
    {
      ...vars,
      allowedChannels: channel.allowedChannels.join(", "),
      supportEmail: "",
    },
  );
  await repo.insertMessage(tx, {
    tenantId,
    ticketId,
    authorUserId: null,
    authorLabel: "system",
    authorKind: "system",
    visibility: "public",
    body,
    createdAt: now,
  });
  await recordTicketEvent(tx, {
    tenantId,
    ticketId,
    actor: { userId: null, label: "system" },
    type: "ticket.channel_not_allowed",
    data: { allowedChannels: channel.allowedChannels },
  });
  if (email)
    await queueEmail(tx, {
      tenantId,
      event: "ticket.updated",
      locale: String(vars.locale),
      to: email,
      vars: { ...vars, message: body },
    });
}

export async function getTicket(deps: TicketDeps, ctx: RequestContext, id: string): Promise<TTicketDetail> {
  const scope = ticketScope(ctx);
  return ctx.run(async (tx) => {
    const row = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    const clocks = await repo.findClocks(tx, ctx.tenantId, id);
    const settings = await deskSettingsFor(tx, ctx.tenantId, row.buId);
    return { ...toTicket(row), clocks, allowedActions: allowedActionsFor(row, actorOf(scope), deps.now(), settings) };
  });
}

export function listTickets(deps: TicketDeps, ctx: RequestContext, query: TTicketListQuery) {
  const scope = ticketScope(ctx);
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
    for (const x of page.items) {
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
