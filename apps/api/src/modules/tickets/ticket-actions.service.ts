import {
  allowedTicketActions,
  decideTicket,
  formatEmailDate,
  reopenDeadline,
  ticketLink,
  type TicketAction,
  type TicketEffect,
  type TicketStatus,
} from "@atende/domain";
import type {
  TAssignTicketRequest,
  TClassifyTicketRequest,
  TTicketActionRequest,
  TTicketDetail,
} from "@atende/contracts";
import { deskSettingsFor, recordTicketEvent, replanSla, type DeskSettings } from "@atende/desk";
import type { Tx } from "@atende/db";
import { cancelTimer, scheduleTimer, type TimerRef } from "@atende/jobs";
import type { RequestContext } from "../../context";
import { AppError, staleVersion } from "../../errors";
import { actorOf, assertVisible, ticketScope } from "./ticket-access";
import { afterCommit, type TicketDeps } from "./ticket-deps";
import { actingAgentName, queueRequesterEmail, type TicketMail } from "./ticket-emails";
import { getTicket } from "./tickets.service";
import * as repo from "./tickets.repo";

type Row = NonNullable<Awaited<ReturnType<typeof repo.findTicketRow>>>;

export function allowedActionsFor(
  row: Pick<Row, "status" | "resolvedAt" | "pauseReason">,
  actor: "staff" | "requester",
  now: Date,
  settings: DeskSettings,
): TicketAction[] {
  return allowedTicketActions(
    {
      status: row.status as TicketStatus,
      resolvedAt: row.resolvedAt,
      pauseReason: row.pauseReason,
      isRequester: actor === "requester",
    },
    { actor, now, ...settings },
  ).filter((a) => a !== "customer_reply" && a !== "auto_close");
}

const REFUSAL_TO_ERROR = {
  TRANSITION_NOT_ALLOWED: "CONFLICT",
  ROLE_NOT_ALLOWED: "FORBIDDEN",
  REOPEN_WINDOW_EXPIRED: "RULE_VIOLATION",
  NOT_DUE: "RULE_VIOLATION",
  MISSING_RESOLUTION: "VALIDATION_FAILED",
  MISSING_PAUSE_REASON: "VALIDATION_FAILED",
} as const;

const REFUSAL_FIELD: Partial<Record<keyof typeof REFUSAL_TO_ERROR, string>> = {
  MISSING_RESOLUTION: "body.resolution",
  MISSING_PAUSE_REASON: "body.pauseReason",
};

/** Carries out the domain's effects inside the action's transaction; returns the timers to enqueue after commit. */
async function applyEffects(
  tx: Tx,
  ctx: RequestContext,
  row: Row,
  effects: readonly TicketEffect[],
  now: Date,
  input: TTicketActionRequest,
  settings: DeskSettings,
  mail: TicketMail,
) {
  const refs: TimerRef[] = [];
  const patch: Record<string, unknown> = {};
  for (const effect of effects) {
    switch (effect.type) {
      case "pause-clocks":
        await repo.openPause(tx, ctx.tenantId, row.id, now, input.pauseReason ?? null);
        break;
      case "resume-clocks":
        await repo.closeOpenPauses(tx, ctx.tenantId, row.id, now);
        break;
      case "stop-clock":
        if (effect.clock === "first_response" && !row.firstResponseAt) patch.firstResponseAt = now;
        break;
      case "restart-clock":
        // The resolved interval becomes a closed pause: the resolution clock resumes with the time it had accrued.
        if (row.resolvedAt)
          await tx.ticketPause.create({
            data: { tenantId: ctx.tenantId, ticketId: row.id, from: row.resolvedAt, to: now, reason: "resolved" },
          });
        break;
      case "schedule-auto-close":
        refs.push(
          await scheduleTimer(tx, {
            tenantId: ctx.tenantId,
            kind: "ticket-auto-close",
            subject: row.id,
            dueAt: new Date(now.getTime() + settings.autoCloseDays * 86_400_000),
          }),
        );
        break;
      case "cancel-auto-close":
        await cancelTimer(tx, ctx.tenantId, "ticket-auto-close", row.id);
        break;
      case "send-survey":
        await tx.survey.upsert({
          where: { tenantId_ticketId: { tenantId: ctx.tenantId, ticketId: row.id } },
          create: { tenantId: ctx.tenantId, ticketId: row.id, sentAt: now },
          update: { sentAt: now, score: null, comment: null, answeredAt: null },
        });
        // The survey is answered on the ticket's portal page.
        await queueRequesterEmail(tx, mail, "ticket.survey", {
          surveyLink: ticketLink(mail.publicUrl, "customer", row.id),
        });
        break;
      case "notify":
        if (effect.event === "ticket.resolved") {
          await queueRequesterEmail(tx, mail, "ticket.resolved", {
            resolution: input.resolution?.note ?? "",
            reopenUntil: formatEmailDate(reopenDeadline(now, settings.reopenWindowDays)),
          });
        }
        break;
      case "start-clock":
        break;
    }
  }
  return { refs, patch };
}

export async function applyTicketAction(
  deps: TicketDeps,
  ctx: RequestContext,
  id: string,
  input: TTicketActionRequest,
): Promise<TTicketDetail> {
  const scope = ticketScope(ctx);
  const now = deps.now();
  const refs = await ctx.run(async (tx) => {
    const row = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    const actor = actorOf(scope);
    const settings = await deskSettingsFor(tx, ctx.tenantId, row.buId);
    const decision = decideTicket(
      {
        status: row.status as TicketStatus,
        resolvedAt: row.resolvedAt,
        pauseReason: row.pauseReason,
        isRequester: actor === "requester",
      },
      input.action,
      {
        actor,
        now,
        ...settings,
        input: {
          ...(input.pauseReason ? { pauseReason: input.pauseReason } : {}),
          ...(input.resolution ? { resolution: input.resolution } : {}),
        },
      },
    );
    if (!decision.ok) {
      const path = REFUSAL_FIELD[decision.code];
      throw new AppError(REFUSAL_TO_ERROR[decision.code], {
        detail: decision.message,
        ...(path ? { fields: [{ path, message: decision.message }] } : {}),
      });
    }
    const to = decision.to;
    const mail = { ticket: { ...row, status: to }, publicUrl: deps.publicUrl, agentName: actingAgentName(ctx) };
    const { refs, patch } = await applyEffects(tx, ctx, row, decision.effects, now, input, settings, mail);
    const ok = await repo.updateTicketVersioned(tx, ctx.tenantId, id, input.version, {
      ...patch,
      status: to,
      pauseReason: to === "pending" ? (input.pauseReason ?? null) : null,
      ...(to === "resolved"
        ? {
            resolvedAt: now,
            resolutionKind: input.resolution?.kind ?? null,
            resolutionNote: input.resolution?.note ?? null,
          }
        : {}),
      ...(input.action === "reopen"
        ? { resolvedAt: null, resolutionKind: null, resolutionNote: null, reopenCount: { increment: 1 } }
        : {}),
      ...(to === "closed" ? { closedAt: now } : {}),
    });
    if (!ok) throw staleVersion("ticket");
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type: `ticket.${input.action}`,
      data: {
        from: row.status,
        to,
        ...(input.pauseReason ? { pauseReason: input.pauseReason } : {}),
        ...(input.resolution ? { resolutionKind: input.resolution.kind } : {}),
      },
      at: now,
    });
    return [...refs, ...(await replanSla(tx, ctx.tenantId, id, now))];
  });
  await afterCommit(deps, ctx.tenantId, id, refs);
  return getTicket(deps, ctx, id);
}

/** The agent's final classification (the initial diagnosis) governs the SLA; the requester's proposal is kept. */
export async function classifyTicket(deps: TicketDeps, ctx: RequestContext, id: string, input: TClassifyTicketRequest) {
  const scope = ticketScope(ctx);
  if (scope.kind !== "staff") throw new AppError("FORBIDDEN", { detail: "only agents set the final classification" });
  const now = deps.now();
  const refs = await ctx.run(async (tx) => {
    const row = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    const levels = await tx.priority.findMany({ where: { tenantId: ctx.tenantId }, select: { code: true } });
    if (levels.length && !levels.some((l) => l.code === input.priority)) {
      throw new AppError("VALIDATION_FAILED", {
        detail: "body.priority: unknown priority",
        fields: [{ path: "body.priority", message: "unknown priority" }],
      });
    }
    if (
      !(await repo.updateTicketVersioned(tx, ctx.tenantId, id, input.version, {
        type: input.type,
        priority: input.priority,
        finalClassifiedAt: now,
      }))
    )
      throw staleVersion("ticket");
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type: "ticket.classified",
      data: {
        before: { type: row.type, priority: row.priority },
        after: { type: input.type, priority: input.priority },
      },
      at: now,
    });
    return replanSla(tx, ctx.tenantId, id, now);
  });
  await afterCommit(deps, ctx.tenantId, id, refs);
  return getTicket(deps, ctx, id);
}

async function checkAssignTargets(
  ctx: RequestContext,
  input: { groupId: string | null; assigneeId: string | null },
  at: string,
  tx?: Tx,
) {
  const check = async (t: Tx) => {
    if (input.groupId && !(await t.group.findFirst({ where: { tenantId: ctx.tenantId, id: input.groupId } }))) {
      throw new AppError("VALIDATION_FAILED", {
        detail: `${at}.groupId: unknown group`,
        fields: [{ path: `${at}.groupId`, message: "unknown group" }],
      });
    }
    if (
      input.assigneeId &&
      !(await t.user.findFirst({ where: { tenantId: ctx.tenantId, id: input.assigneeId, status: "active" } }))
    ) {
      throw new AppError("VALIDATION_FAILED", {
        detail: `${at}.assigneeId: unknown user`,
        fields: [{ path: `${at}.assigneeId`, message: "unknown or disabled user" }],
      });
    }
  };
  return tx ? check(tx) : ctx.run(check);
}

export async function assignTicket(deps: TicketDeps, ctx: RequestContext, id: string, input: TAssignTicketRequest) {
  const scope = ticketScope(ctx);
  if (scope.kind !== "staff") throw new AppError("FORBIDDEN", { detail: "only agents assign tickets" });
  const now = deps.now();
  await ctx.run(async (tx) => {
    const row = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    await checkAssignTargets(ctx, input, "body", tx);
    if (
      !(await repo.updateTicketVersioned(tx, ctx.tenantId, id, input.version, {
        groupId: input.groupId,
        assigneeId: input.assigneeId,
      }))
    )
      throw staleVersion("ticket");
    const type = row.groupId && input.groupId !== row.groupId ? "ticket.transferred" : "ticket.assigned";
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type,
      data: { before: { groupId: row.groupId, assigneeId: row.assigneeId }, after: input },
      at: now,
    });
  });
  await afterCommit(deps, ctx.tenantId, id, []);
  return getTicket(deps, ctx, id);
}

export async function setTicketTags(
  deps: TicketDeps,
  ctx: RequestContext,
  id: string,
  input: { tags: string[]; version: number },
) {
  const scope = ticketScope(ctx);
  if (scope.kind !== "staff") throw new AppError("FORBIDDEN", { detail: "only agents tag tickets" });
  await ctx.run(async (tx) => {
    const row = assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, id));
    const tags = [...new Set(input.tags)];
    if (!(await repo.updateTicketVersioned(tx, ctx.tenantId, id, input.version, { tags })))
      throw staleVersion("ticket");
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId: id,
      actor: ctx.actor,
      type: "ticket.tagged",
      data: { before: row.tags, after: tags },
    });
  });
  await afterCommit(deps, ctx.tenantId, id, []);
  return getTicket(deps, ctx, id);
}

function assertVisibleSafe(
  scope: ReturnType<typeof ticketScope>,
  row: { buId: string | null; requesterUserId: string | null },
) {
  try {
    assertVisible(scope, row);
    return true;
  } catch {
    return false;
  }
}

/** Applies one change to many tickets, each in its own transaction: one stale or refused ticket fails alone. */
export async function bulkUpdateTickets(
  deps: TicketDeps,
  ctx: RequestContext,
  input: {
    ids: string[];
    assign?: { groupId: string | null; assigneeId: string | null } | undefined;
    action?: "acknowledge" | "start" | undefined;
  },
) {
  if (ticketScope(ctx).kind !== "staff") throw new AppError("FORBIDDEN", { detail: "bulk changes are for agents" });
  if (!input.assign && !input.action) {
    throw new AppError("VALIDATION_FAILED", {
      detail: "body: give assign or action",
      fields: [{ path: "body", message: "give assign or action" }],
    });
  }
  const ids = [...new Set(input.ids)];
  const scope = ticketScope(ctx);
  const visible = await ctx.run((tx) =>
    tx.ticket.findMany({
      where: { tenantId: ctx.tenantId, id: { in: ids } },
      select: { id: true, buId: true, requesterUserId: true },
    }),
  );
  const missing = ids.filter((id) => !visible.some((v) => v.id === id && assertVisibleSafe(scope, v)));
  if (missing.length) {
    throw new AppError("NOT_FOUND", { detail: `tickets not found: ${missing.join(", ")}; nothing was changed` });
  }
  if (input.assign) await checkAssignTargets(ctx, input.assign, "body.assign");
  const updated: string[] = [];
  const failed: Array<{ id: string; code: string; detail: string }> = [];
  for (const id of ids) {
    try {
      let version = (await getTicket(deps, ctx, id)).version;
      if (input.assign) version = (await assignTicket(deps, ctx, id, { ...input.assign, version })).version;
      if (input.action) await applyTicketAction(deps, ctx, id, { action: input.action, version });
      updated.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ id, code: error.code, detail: error.message });
    }
  }
  return { updated, failed };
}
