import { randomUUID } from "node:crypto";
import { checkChannel, DEFAULT_PRIORITIES, matchPolicy, type ChannelCheck } from "@atende/domain";
import type { TCreateTicketRequest, TSlaClock, TTicketDetail } from "@atende/contracts";
import {
  emailLocale,
  parseCalendar,
  planSla,
  renderEmail,
  renderText,
  settingsOf,
  ticketNumberBump,
  ticketNumberOf,
  toClock,
  toSlaPolicy,
  toTicket,
  type EmailPayload,
  type NotificationVars,
} from "@atende/desk";
import type { TimerRef } from "@atende/jobs";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { allowedActionsFor } from "./ticket-actions.service";
import { actorOf, ticketScope } from "./ticket-access";
import { afterCommit, type TicketDeps } from "./ticket-deps";
import * as repo from "./ticket-create.repo";
import type { CreationFacts, CustomerFacts } from "./ticket-create.repo";
import type { TicketScope } from "./tickets.repo";

const field = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", { detail: `${path}: ${message}`, fields: [{ path, message }] });

function checkReferences(facts: CreationFacts, input: TCreateTicketRequest, scope: TicketScope) {
  const codes = facts.priorityCodes.length ? facts.priorityCodes : DEFAULT_PRIORITIES.map((l) => l.code);
  if (!codes.includes(input.priority)) throw field("body.priority", `must be one of ${codes.join(", ")}`);
  if (input.buId && facts.buLocale === null) throw field("body.buId", "unknown business unit");
  // Staff scoped to some BUs would file a ticket they could not open afterwards.
  if (input.buId && scope.kind === "staff" && scope.buIds !== "all" && !scope.buIds.includes(input.buId))
    throw field("body.buId", "is not one of the business units you work tickets in");
  if (input.groupId && !facts.groupFound) throw field("body.groupId", "unknown group");
  if (input.catalogueItemId && !facts.catalogueItemFound) throw field("body.catalogueItemId", "unknown catalogue item");
  if (input.requesterCustomerId && !facts.namedCustomer) throw field("body.requesterCustomerId", "unknown customer");
}

type Requester = { customerId: string | null; userId: string | null; email: string | null; name: string };

/** A customer files for themselves; staff file on behalf of a customer or an e-mail address. */
function requesterOf(ctx: RequestContext, input: TCreateTicketRequest, facts: CreationFacts, asCustomer: boolean) {
  if (!asCustomer || ctx.principal.kind !== "user") {
    const customer: CustomerFacts | null = facts.namedCustomer;
    return {
      customerId: customer?.id ?? null,
      userId: customer?.userId ?? null,
      email: input.requesterEmail ?? customer?.email ?? null,
      name: customer?.name ?? "",
    } satisfies Requester;
  }
  return {
    customerId: facts.ownCustomer?.id ?? null,
    userId: ctx.principal.userId,
    email: ctx.principal.email,
    name: facts.ownCustomer?.name ?? ctx.principal.name,
  } satisfies Requester;
}

const storedTemplate = (facts: CreationFacts, event: string, locale: string) =>
  facts.emailTemplates.find((t) => t.event === event && t.locale === emailLocale(locale)) ?? null;

/**
 * Files a ticket: classification as proposed, the matched policy's clocks and timers, the case number, the creation
 * event and the requester's e-mail. One call reads the facts, a short transaction of its own takes the case number, one
 * call writes everything, all on one connection (decision 0011).
 */
export async function createTicket(
  deps: TicketDeps,
  ctx: RequestContext,
  input: TCreateTicketRequest,
): Promise<TTicketDetail> {
  const scope = ticketScope(ctx);
  const asCustomer = scope.kind === "requester";
  const now = deps.now();
  const { row, facts, requester, plan, timers } = await ctx.connection(async (connection) => {
    const facts = await repo.loadCreationFacts(connection.query, {
      tenantId: ctx.tenantId,
      buId: input.buId ?? null,
      groupId: input.groupId ?? null,
      catalogueItemId: input.catalogueItemId ?? null,
      customerId: input.requesterCustomerId ?? null,
      customerUserId: asCustomer && ctx.principal.kind === "user" ? ctx.principal.userId : null,
    });
    checkReferences(facts, input, scope);
    const requester = requesterOf(ctx, input, facts, asCustomer);
    const policy = matchPolicy(facts.policies.map(toSlaPolicy), {
      buId: input.buId ?? null,
      type: input.type,
      priority: input.priority,
      channel: input.channel,
      tier: input.organisationTier ?? null,
      catalogueItemId: input.catalogueItemId ?? null,
    });
    const channel = checkChannel(policy, input.priority, input.channel);
    const id = randomUUID();
    const plan = planSla({
      policy,
      calendar: policy ? parseCalendar(facts.calendars[policy.calendarId]) : "24x7",
      ticket: {
        id,
        createdAt: now,
        firstResponseAt: null,
        resolvedAt: null,
        lastPublicUpdateAt: null,
        status: "new",
        escalationLevel: 0,
        breached: false,
      },
      pauses: [],
      existing: [],
      now,
    });
    const timers = plan.timers.flatMap((t) => (t.dueAt ? [{ ...t, id: randomUUID(), dueAt: t.dueAt }] : []));
    const locale = facts.buLocale ?? "en";
    // Taken once the input passed every check, so a refusal leaves no gap in the numbers (decision 0011).
    const number = ticketNumberOf(await connection.lazyCommit(ticketNumberBump(ctx.tenantId)));
    const vars = { ticketNumber: number, subject: input.subject, customerName: requester.name, locale };
    const emails: EmailPayload[] = [];
    const createdMail = requester.email
      ? renderEmail("ticket.created", locale, storedTemplate(facts, "ticket.created", locale), requester.email, vars)
      : null;
    if (createdMail) emails.push(createdMail);
    const reply = channel.allowed ? null : autoReplyOf(facts, channel, vars);
    if (reply && requester.email) {
      const replyMail = renderEmail(
        "ticket.updated",
        locale,
        storedTemplate(facts, "ticket.updated", locale),
        requester.email,
        { ...vars, message: reply.body },
      );
      if (replyMail) emails.push(replyMail);
    }
    const inserted = await repo.insertNewTicket(connection.query, {
      ticket: {
        id,
        tenantId: ctx.tenantId,
        subject: input.subject,
        description: input.description,
        channel: input.channel,
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
        slaPolicyId: policy?.id ?? null,
        nextDueAt: plan.nextDueAt,
        breached: plan.breached,
        createdAt: now,
      },
      number,
      clocks: plan.clocks,
      timers,
      actor: ctx.actor,
      emails,
      autoReply: reply,
    });
    return { row: inserted, facts, requester, plan, timers };
  });
  const clocks: TSlaClock[] = plan.clocks.map(toClock).sort((a, b) => (a.kind < b.kind ? -1 : 1));
  const allowedActions = allowedActionsFor(
    { status: "new", resolvedAt: null, pauseReason: null },
    actorOf(scope),
    now,
    settingsOf(facts.buParameters),
  );
  const refs: TimerRef[] = timers.map((t) => ({
    tenantId: ctx.tenantId,
    timerId: t.id,
    kind: t.kind,
    subject: t.subject,
    generation: 1,
    dueAt: t.dueAt,
  }));
  const detail = { ...toTicket(row), requesterName: requester.name || null, clocks, allowedActions };
  await afterCommit(deps, ctx.tenantId, detail.id, refs, true);
  return detail;
}

/** A ticket on a channel its priority may not use gets the policy's automatic reply (seed 001 channel rules). */
function autoReplyOf(
  facts: CreationFacts,
  channel: Extract<ChannelCheck, { allowed: false }>,
  vars: NotificationVars & { locale: string },
): repo.AutoReply {
  const templates = facts.replyTemplates.filter((t) => t.code === channel.autoReplyTemplate);
  const template =
    templates.find((t) => t.locale === vars.locale) ?? templates.sort((x, y) => (x.locale < y.locale ? -1 : 1))[0];
  const body = renderText(
    template?.body ?? "This channel does not serve this priority; please use: {{allowedChannels}}.",
    { ...vars, allowedChannels: channel.allowedChannels.join(", "), supportEmail: "" },
  );
  return { body, allowedChannels: channel.allowedChannels };
}
