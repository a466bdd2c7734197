import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { recordTicketEvent } from "@atende/desk";
import { assertVisible, ticketScope } from "./ticket-access";
import * as repo from "./tickets.repo";

const toSurvey = (s: { score: number | null; comment: string | null; sentAt: Date; answeredAt: Date | null }) => ({
  score: s.score,
  comment: s.comment,
  sentAt: s.sentAt.toISOString(),
  answeredAt: s.answeredAt ? s.answeredAt.toISOString() : null,
});

export async function getSurvey(ctx: RequestContext, ticketId: string) {
  const scope = ticketScope(ctx);
  return ctx.run(async (tx) => {
    assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, ticketId));
    const survey = await tx.survey.findFirst({ where: { tenantId: ctx.tenantId, ticketId } });
    return survey ? toSurvey(survey) : { score: null, comment: null, sentAt: null, answeredAt: null };
  });
}

/** The requester answers the satisfaction survey sent on resolution, once. */
export async function answerSurvey(
  ctx: RequestContext,
  ticketId: string,
  input: { score: number; comment?: string | undefined },
  now: Date,
) {
  const scope = ticketScope(ctx);
  return ctx.run(async (tx) => {
    assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, ticketId));
    if (scope.kind !== "requester")
      throw new AppError("FORBIDDEN", { detail: "only the requester answers the survey" });
    const res = await tx.survey.updateMany({
      where: { tenantId: ctx.tenantId, ticketId, answeredAt: null },
      data: { score: input.score, comment: input.comment ?? null, answeredAt: now },
    });
    if (res.count === 0) {
      const exists = await tx.survey.findFirst({ where: { tenantId: ctx.tenantId, ticketId } });
      throw exists
        ? new AppError("CONFLICT", { detail: "the survey was already answered" })
        : new AppError("NOT_FOUND", { detail: "no survey was sent for this ticket" });
    }
    await recordTicketEvent(tx, {
      tenantId: ctx.tenantId,
      ticketId,
      actor: ctx.actor,
      type: "ticket.survey_answered",
      data: { score: input.score },
      at: now,
    });
    return toSurvey((await tx.survey.findFirst({ where: { tenantId: ctx.tenantId, ticketId } }))!);
  });
}
