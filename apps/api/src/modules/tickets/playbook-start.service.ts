import { z } from "zod";
import { recordTicketEvent } from "@atende/desk";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { assertVisible, ticketScope } from "./ticket-access";
import { afterCommit, type TicketDeps } from "./ticket-deps";
import { createTicket } from "./tickets.service";
import * as repo from "./tickets.repo";

const ZSteps = z.array(z.object({ title: z.string(), templateCode: z.string().nullish() }));

/**
 * Starting a playbook (seed 001) puts its ordered steps on a ticket as a checklist: on the given ticket, or on a new
 * one opened for it. Progress is done steps over all steps.
 */
export async function startPlaybook(
  deps: TicketDeps,
  ctx: RequestContext,
  playbookId: string,
  input: { ticketId?: string | undefined; requesterCustomerId?: string | undefined },
) {
  const scope = ticketScope(ctx);
  if (scope.kind !== "staff") throw new AppError("FORBIDDEN", { detail: "agents start playbooks" });
  const playbook = await ctx.run((tx) =>
    tx.playbook.findFirst({ where: { tenantId: ctx.tenantId, id: playbookId, active: true } }),
  );
  if (!playbook) throw notFound("playbook");
  const steps = ZSteps.parse(playbook.steps);
  const ticketId =
    input.ticketId ??
    (
      await createTicket(deps, ctx, {
        subject: playbook.name,
        description: `Playbook: ${playbook.name}`,
        channel: "system",
        type: "service_request",
        priority: "medium",
        ...(input.requesterCustomerId ? { requesterCustomerId: input.requesterCustomerId } : {}),
      })
    ).id;
  const now = deps.now();
  await ctx.run(async (tx) => {
    const ticket = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, ticketId));
    const offset = await tx.ticketChecklistItem.count({ where: { tenantId: ctx.tenantId, ticketId: ticket.id } });
    await tx.ticketChecklistItem.createMany({
      data: steps.map((step, i) => ({
        tenantId: ctx.tenantId,
        ticketId: ticket.id,
        playbookId,
        position: offset + i + 1,
        title: step.title,
        templateCode: step.templateCode ?? null,
      })),
    });
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: ticket.id,
      actor: ctx.actor,
      type: "playbook.started",
      data: { playbookId, code: playbook.code, steps: steps.length },
      at: now,
    });
  });
  await afterCommit(deps, ctx.tenantId, ticketId, []);
  return { ticketId };
}
