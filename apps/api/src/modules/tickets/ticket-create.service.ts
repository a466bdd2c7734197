import type { TCreateTicketRequest, TSlaClock, TTicketDetail } from "@atende/contracts";
import { newNumberSlot, settingsOf, toClock, toTicket } from "@atende/desk";
import { uuidv7 } from "@atende/db";
import { ticketNotificationVars } from "@atende/domain";
import type { TimerRef } from "@atende/jobs";
import type { RequestContext } from "../../context";
import { allowedActionsFor } from "./ticket-actions.service";
import { actorOf, ticketScope } from "./ticket-access";
import { checkReferences, creationMessages, planNewTicket, requesterOf } from "./ticket-create.plan";
import * as repo from "./ticket-create.repo";
import { AppError } from "../../errors";
import { afterCommit, type TicketDeps } from "./ticket-deps";
import { actingAgentName } from "./ticket-emails";

/** A creation planned this many times against a configuration that changed each time gives up with a conflict. */
const STALE_CONFIG_ATTEMPTS = 3;

/**
 * Files a ticket: classification as proposed, the matched policy's clocks and timers, the case number, the creation
 * event and the requester's e-mail. At most one call reads the facts (none for staff naming no customer, once the
 * tenant's configuration is cached) and one takes the case number and writes everything, on one connection
 * (decisions 0011, 0016 and 0019).
 */
export async function createTicket(
  deps: TicketDeps,
  ctx: RequestContext,
  input: TCreateTicketRequest,
): Promise<TTicketDetail> {
  const scope = ticketScope(ctx);
  const asCustomer = scope.kind === "requester";
  const now = deps.now();
  // Time-ordered, like the timers' ids: the indexes holding them grow at their right edge (decision 0015).
  const id = uuidv7();
  const references = {
    buId: input.buId ?? null,
    groupId: input.groupId ?? null,
    catalogueItemId: input.catalogueItemId ?? null,
  };
  const created = await ctx.connection(async (connection) => {
    const read = () =>
      repo.loadCreationFacts(connection.query, {
        tenantId: ctx.tenantId,
        customerId: input.requesterCustomerId ?? null,
        customerUserId: asCustomer && ctx.principal.kind === "user" ? ctx.principal.userId : null,
      });
    const file = async (facts: repo.CreationFacts) => {
      checkReferences(facts, input, scope);
      const requester = requesterOf(ctx, input, facts, asCustomer);
      const { policy, channel, plan, timers } = planNewTicket(input, facts, id, now);
      // The number is taken in the same call that writes the ticket, once the input passed every check, so a refusal
      // leaves no gap in the numbers; the messages carry a slot the call fills with it (decision 0016).
      const numberSlot = newNumberSlot();
      const locale = facts.buLocale ?? "en";
      const vars = {
        ...ticketNotificationVars({
          ticket: { id, number: numberSlot, subject: input.subject, status: "new", priority: input.priority },
          locale,
          publicUrl: deps.publicUrl,
          audience: "customer",
          customerName: requester.name,
          agentName: actingAgentName(ctx),
        }),
        ticketNumber: numberSlot,
        locale,
      };
      const { emails, reply } = creationMessages(facts, channel, requester, vars);
      const row = await repo.fileNewTicket(connection.query, {
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
        numberSlot,
        clocks: plan.clocks,
        timers,
        actor: ctx.actor,
        emails,
        autoReply: reply,
        configVersion: facts.configVersion,
      });
      return { row, facts, requester, plan, timers };
    };
    // Staff naming no customer plan from the cached configuration alone; the filing call refuses a configuration that
    // has changed since, and the creation is planned again from a fresh read (decision 0019).
    const cached = asCustomer || input.requesterCustomerId ? null : repo.cachedCreationFacts(ctx.tenantId);
    for (let attempt = 1; ; attempt += 1) {
      const fromCache = attempt === 1 && cached !== null;
      const loaded = fromCache && cached ? cached : await read();
      try {
        return await file(repo.creationFactsFor(loaded, references));
      } catch (error) {
        // A refusal judged on the cache alone is judged again on a read: the cache may predate the BU, group,
        // catalogue item or priority the request names.
        if (fromCache && error instanceof AppError) continue;
        if (!repo.isStaleCreationConfig(error)) throw error;
        repo.forgetCreationConfig(ctx.tenantId);
        if (attempt === STALE_CONFIG_ATTEMPTS)
          throw new AppError("CONFLICT", {
            detail: "The desk's configuration kept changing while the ticket was filed; retry",
          });
      }
    }
  });
  const clocks: TSlaClock[] = created.plan.clocks.map(toClock).sort((a, b) => (a.kind < b.kind ? -1 : 1));
  const allowedActions = allowedActionsFor(
    { status: "new", resolvedAt: null, pauseReason: null },
    actorOf(scope),
    now,
    settingsOf(created.facts.buParameters),
  );
  const refs: TimerRef[] = created.timers
    .filter((t) => t.enqueue)
    .map((t) => ({
      tenantId: ctx.tenantId,
      timerId: t.id,
      kind: t.kind,
      subject: t.subject,
      generation: 1,
      dueAt: t.dueAt,
    }));
  const detail = { ...toTicket(created.row), requesterName: created.requester.name || null, clocks, allowedActions };
  await afterCommit(deps, ctx.tenantId, id, refs, { created: true, premarked: true });
  return detail;
}
