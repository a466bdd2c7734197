import type { TContact, TJob, TWorksite } from "@atende/contracts";
import type { Tx } from "@atende/db";
import {
  checkBookingDate,
  checkCancellation,
  checkDurationChange,
  normalisePostcode,
  type SxAction,
} from "@atende/domain";
import {
  assertSxAllowed,
  ExecRuleError,
  loadBuContext,
  openSystemTask,
  performSxAction,
  recordJobEvent,
  type JobRow,
  isoDate,
} from "@atende/execution";
import type { TimerRef } from "@atende/jobs";
import type { RequestContext } from "../../context";
import { assertVersion, execActorOf, isOperator, lockVisibleJob } from "./exec-access";
import { dispatchAfterCommit, type ExecApiDeps } from "./exec-api-deps";
import { jobView } from "./jobs.service";
import { asDate, localDate } from "./order-lines";
import { json } from "./orders.repo";

type Step = (tx: Tx, job: JobRow) => Promise<{ refs: TimerRef[] }>;

/** Locks the job, checks the version, runs the step, answers with the job as it is now. */
export async function withJob(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  version: number | null,
  step: Step,
): Promise<TJob> {
  const { view, refs } = await ctx.run(async (tx) => {
    const job = await lockVisibleJob(tx, ctx, id);
    if (version !== null) assertVersion(job, version);
    const { refs } = await step(tx, job);
    const fresh = (await tx.job.findFirst({ where: { tenantId: ctx.tenantId, id } }))!;
    return { view: await jobView(tx, ctx, fresh, deps.now()), refs };
  });
  await dispatchAfterCommit(deps, refs);
  return view;
}

async function act(
  tx: Tx,
  ctx: RequestContext,
  deps: ExecApiDeps,
  job: JobRow,
  action: SxAction,
  changes: Parameters<typeof performSxAction>[1]["changes"],
  eventData: Record<string, unknown>,
  notifyVars?: Record<string, string | number | null>,
) {
  const bu = await loadBuContext(tx, ctx.tenantId, job.buId);
  return performSxAction(tx, {
    job,
    action,
    actor: execActorOf(ctx, job),
    bu,
    now: deps.now(),
    changes,
    eventData,
    ...(notifyVars ? { notifyVars } : {}),
  });
}

export function reschedule(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  body: { version: number; plannedDate: string },
) {
  return withJob(deps, ctx, id, body.version, async (tx, job) => {
    const bu = await loadBuContext(tx, ctx.tenantId, job.buId);
    // Who and when first (403/409), then the value (422): a cancelled job is not "in the past".
    await assertSxAllowed(tx, job, "reschedule", execActorOf(ctx, job), bu);
    const check = checkBookingDate(
      body.plannedDate,
      { earliest: isoDate(job.earliestDate) },
      localDate(deps.now(), bu.timezone),
      bu.params,
    );
    if (!check.ok) throw new ExecRuleError(422, check.rule, check.message, "plannedDate");
    return act(
      tx,
      ctx,
      deps,
      job,
      "reschedule",
      { plannedDate: asDate(body.plannedDate) },
      { previousDate: isoDate(job.plannedDate), plannedDate: body.plannedDate },
      { plannedDate: body.plannedDate },
    );
  });
}

export function changeAddress(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  body: { version: number; worksite: TWorksite },
) {
  return withJob(deps, ctx, id, body.version, async (tx, job) => {
    const before = job.worksite as TWorksite;
    const postcodeChanged = normalisePostcode(before.postcode) !== normalisePostcode(body.worksite.postcode);
    const result = await act(
      tx,
      ctx,
      deps,
      job,
      "change_address",
      { worksite: json(body.worksite), ...(postcodeChanged ? { postcodeChangePending: true } : {}) },
      { before, after: body.worksite, postcodeChanged },
    );
    if (postcodeChanged) {
      await recordJobEvent(tx, {
        tenantId: ctx.tenantId,
        jobId: job.id,
        actor: execActorOf(ctx, job),
        name: "POSTCODE_CHANGED_PROVIDER_CHECK",
        data: { from: before.postcode, to: body.worksite.postcode },
        at: deps.now(),
      });
      // The allocated provider may not cover the new postcode (DOMAIN 3.3): a ZONE_CHANGE task says so.
      if (job.providerId !== null) {
        result.refs.push(
          ...(await openSystemTask(tx, {
            tenantId: ctx.tenantId,
            job,
            kind: "ZONE_CHANGE",
            actor: execActorOf(ctx, job),
            now: deps.now(),
            detail: `Postcode changed from ${before.postcode} to ${body.worksite.postcode}: check the provider covers it.`,
          })),
        );
      }
    }
    return result;
  });
}

export function changeContact(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  body: { version: number; contact: TContact },
) {
  return withJob(deps, ctx, id, body.version, (tx, job) =>
    act(
      tx,
      ctx,
      deps,
      job,
      "change_contact",
      { contact: json(body.contact) },
      { before: job.contact, after: body.contact },
    ),
  );
}

export function modifyDuration(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  body: { version: number; durationMinutes: number },
) {
  return withJob(deps, ctx, id, body.version, async (tx, job) => {
    const bu = await loadBuContext(tx, ctx.tenantId, job.buId);
    await assertSxAllowed(tx, job, "modify_duration", execActorOf(ctx, job), bu);
    const check = checkDurationChange({
      actor: isOperator(ctx, job) ? "operator" : "seller",
      originalMinutes: job.originalDurationMinutes,
      requestedMinutes: body.durationMinutes,
      params: bu.params,
    });
    if (!check.ok) throw new ExecRuleError(422, check.rule, check.message, "durationMinutes");
    return act(
      tx,
      ctx,
      deps,
      job,
      "modify_duration",
      { durationMinutes: body.durationMinutes, previousDurationMinutes: job.durationMinutes },
      { from: job.durationMinutes, to: body.durationMinutes },
    );
  });
}

export function cancelJob(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  body: { version: number; reason: string; justification: string },
) {
  return withJob(deps, ctx, id, body.version, async (tx, job) => {
    const check = checkCancellation({ reason: body.reason, justification: body.justification });
    if (!check.ok) throw new ExecRuleError(422, `invalid_${check.field}`, check.message, check.field);
    return act(
      tx,
      ctx,
      deps,
      job,
      "cancel",
      { cancelReason: body.reason, cancelJustification: body.justification.trim() },
      { reason: body.reason, justification: body.justification.trim(), orderSystemToBeInformed: true },
      { reason: body.reason },
    );
  });
}
