import { checkChannel, DEFAULT_PRIORITIES, matchPolicy, type Calendar, type ChannelCheck } from "@atende/domain";
import type { TCreateTicketRequest } from "@atende/contracts";
import { uuidv7 } from "@atende/db";
import { isWithinEnqueueHorizon } from "@atende/jobs";
import {
  emailLocale,
  parseCalendar,
  planSla,
  renderEmail,
  renderText,
  toSlaPolicy,
  type EmailPayload,
  type NotificationVars,
} from "@atende/desk";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import type { AutoReply, CreationFacts, CustomerFacts } from "./ticket-create.repo";
import type { TicketScope } from "./tickets.repo";

/** The steps of ticket creation between reading its facts and writing it: checks, requester, SLA plan, messages. */

const field = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", { detail: `${path}: ${message}`, fields: [{ path, message }] });

export function checkReferences(facts: CreationFacts, input: TCreateTicketRequest, scope: TicketScope) {
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

export type Requester = { customerId: string | null; userId: string | null; email: string | null; name: string };

/** A customer files for themselves; staff file on behalf of a customer or an e-mail address. */
export function requesterOf(
  ctx: RequestContext,
  input: TCreateTicketRequest,
  facts: CreationFacts,
  asCustomer: boolean,
): Requester {
  if (!asCustomer || ctx.principal.kind !== "user") {
    const customer: CustomerFacts | null = facts.namedCustomer;
    return {
      customerId: customer?.id ?? null,
      userId: customer?.userId ?? null,
      email: input.requesterEmail ?? customer?.email ?? null,
      name: customer?.name ?? "",
    };
  }
  return {
    customerId: facts.ownCustomer?.id ?? null,
    userId: ctx.principal.userId,
    email: ctx.principal.email,
    name: facts.ownCustomer?.name ?? ctx.principal.name,
  };
}

/**
 * Calendars parsed once per stored definition: the definitions come from the per-tenant configuration cache, so the
 * same object arrives until the configuration changes, and the domain compiles a weekly calendar once per parsed
 * object rather than on every creation.
 */
const parsedCalendars = new WeakMap<object, Calendar>();

function calendarOf(definition: unknown): Calendar {
  if (typeof definition !== "object" || definition === null) return parseCalendar(definition);
  let calendar = parsedCalendars.get(definition);
  if (calendar === undefined) {
    calendar = parseCalendar(definition);
    parsedCalendars.set(definition, calendar);
  }
  return calendar;
}

/** The matched policy, the channel rule's verdict, and the new ticket's clocks and timers (ids drawn here). */
export function planNewTicket(input: TCreateTicketRequest, facts: CreationFacts, id: string, now: Date) {
  const policy = matchPolicy(facts.policies.map(toSlaPolicy), {
    buId: input.buId ?? null,
    type: input.type,
    priority: input.priority,
    channel: input.channel,
    tier: input.organisationTier ?? null,
    catalogueItemId: input.catalogueItemId ?? null,
  });
  const channel = checkChannel(policy, input.priority, input.channel);
  const plan = planSla({
    policy,
    calendar: policy ? calendarOf(facts.calendars[policy.calendarId]) : "24x7",
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
  const timers = plan.timers.flatMap((t) =>
    t.dueAt ? [{ ...t, id: uuidv7(), dueAt: t.dueAt, enqueue: isWithinEnqueueHorizon(t.dueAt, now) }] : [],
  );
  return { policy, channel, plan, timers };
}

const storedTemplate = (facts: CreationFacts, event: string, locale: string) =>
  facts.emailTemplates.find((t) => t.event === event && t.locale === emailLocale(locale)) ?? null;

/** The requester's creation e-mail and, on a disallowed channel, the automatic reply and its e-mail. */
export function creationMessages(
  facts: CreationFacts,
  channel: ChannelCheck,
  requester: Requester,
  vars: NotificationVars & { locale: string },
): { emails: EmailPayload[]; reply: AutoReply | null } {
  const emails: EmailPayload[] = [];
  const mail = (event: string, extra: NotificationVars = {}) => {
    if (!requester.email) return;
    // Whole subjects: the case number goes in after rendering, and app_file_ticket cuts them then.
    const payload = renderEmail(
      event,
      vars.locale,
      storedTemplate(facts, event, vars.locale),
      requester.email,
      { ...vars, ...extra },
      null,
    );
    if (payload) emails.push(payload);
  };
  mail("ticket.created");
  const reply = channel.allowed ? null : autoReplyOf(facts, channel, vars);
  if (reply) mail("ticket.updated", { message: reply.body });
  return { emails, reply };
}

/** A ticket on a channel its priority may not use gets the policy's automatic reply (seed 001 channel rules). */
function autoReplyOf(
  facts: CreationFacts,
  channel: Extract<ChannelCheck, { allowed: false }>,
  vars: NotificationVars & { locale: string },
): AutoReply {
  const templates = facts.replyTemplates.filter((t) => t.code === channel.autoReplyTemplate);
  const template =
    templates.find((t) => t.locale === vars.locale) ?? templates.sort((x, y) => (x.locale < y.locale ? -1 : 1))[0];
  const body = renderText(
    template?.body ?? "This channel does not serve this priority; please use: {{allowedChannels}}.",
    { ...vars, allowedChannels: channel.allowedChannels.join(", "), supportEmail: "" },
  );
  return { body, allowedChannels: channel.allowedChannels };
}
