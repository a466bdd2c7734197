import type { TOrderBody, TOrderResult } from "@atende/contracts";
import type { Tx } from "@atende/db";
import type { SxStatus } from "@atende/domain";
import {
  ExecRuleError,
  INTEGRATION_EXEC_ACTOR,
  lockJob,
  performSxAction,
  recordJobEvent,
  refreshProjectStatus,
  type BuContext,
  type JobRow,
} from "@atende/execution";
import type { TimerRef } from "@atende/jobs";
import type { ExecApiDeps } from "./exec-api-deps";
import { asDate, groupKeyOf, sameJson } from "./order-lines";
import { createJob, datesFor, type ResolvedOrder } from "./order-intake";
import * as repo from "./orders.repo";

export type JobOutcome = TOrderResult["jobs"][number];
type OrderRow = NonNullable<Awaited<ReturnType<typeof repo.findOrder>>>;
type Change = { order: OrderRow; outcomes: Map<string, JobOutcome>; refs: TimerRef[] };

const FINISHED: readonly string[] = ["cancelled", "closed", "non_compliant", "done", "waiting_for_wcf"];

function outcome(job: JobRow, projectNumber: number, kind: JobOutcome["outcome"], message: string | null): JobOutcome {
  return {
    jobId: job.id,
    number: job.number,
    projectId: job.projectId,
    projectNumber,
    status: job.status as SxStatus,
    outcome: kind,
    message,
  };
}

/** Runs an integration action; a refusal by the status table leaves the job as it is and says why. */
async function tryIntegrationAction(
  tx: Tx,
  job: JobRow,
  action: "order_update" | "order_cancel",
  bu: BuContext,
  now: Date,
  changes: Parameters<typeof performSxAction>[1]["changes"],
  eventData: Record<string, unknown>,
): Promise<{ job: JobRow; refs: TimerRef[] } | ExecRuleError> {
  try {
    return await performSxAction(tx, { job, action, actor: INTEGRATION_EXEC_ACTOR, bu, now, changes, eventData });
  } catch (error) {
    if (error instanceof ExecRuleError) return error;
    throw error;
  }
}

/**
 * An order update: matching jobs take the new lines (until the status table says no), new service groups become new
 * jobs in the order's project, and groups no longer ordered cancel their jobs.
 */
export async function applyOrderChange(
  tx: Tx,
  input: { deps: ExecApiDeps; tenantId: string; order: OrderRow; body: TOrderBody; resolved: ResolvedOrder },
): Promise<Change> {
  const { deps, tenantId, body, resolved } = input;
  const now = deps.now();
  const order = await tx.order.update({
    where: { id: input.order.id },
    data: {
      worksite: repo.json(body.worksite),
      contact: repo.json(body.contact ?? input.order.contact),
      productLines: repo.json(resolved.products),
      serviceLines: repo.json(body.services),
      seller: repo.json(body.seller),
      revision: { increment: 1 },
    },
  });
  const jobs = await repo.jobsOfOrder(tx, tenantId, order.id);
  const numbers = await repo.projectNumberMap(tx, tenantId, jobs);
  const dates = datesFor(resolved.products, order.orderedAt, resolved.bu);
  const groups = new Map(resolved.groups.map((g) => [g.key, g]));
  const outcomes = new Map<string, JobOutcome>();
  const refs: TimerRef[] = [];
  const worksiteChanged = !sameJson(input.order.worksite, body.worksite);
  const contactChanged = body.contact !== undefined && !sameJson(input.order.contact, body.contact);
  for (const row of jobs) {
    const job = (await lockJob(tx, tenantId, row.id))!;
    const projectNumber = numbers.get(job.projectId) ?? 0;
    if (job.status === "cancelled") {
      // A job cancelled from our side is final: the order's same service group must not bring it back as a new job.
      // One cancelled because an earlier update removed its lines may come back when the lines return.
      if (job.cancelReason !== null) groups.delete(groupKeyOf(job));
      continue;
    }
    const group = groups.get(groupKeyOf(job));
    groups.delete(groupKeyOf(job));
    if (!group) {
      const done = await tryIntegrationAction(
        tx,
        job,
        "order_cancel",
        resolved.bu,
        now,
        {},
        { orderId: order.externalId, revision: order.revision, cause: "service lines removed" },
      );
      if (done instanceof ExecRuleError) {
        const kind = done.reason === "in_progress_reached" ? "kept_in_progress" : "kept_not_allowed";
        outcomes.set(job.id, outcome(job, projectNumber, kind, done.message));
      } else {
        outcomes.set(job.id, outcome(done.job, projectNumber, "cancelled", null));
        refs.push(...done.refs);
      }
      continue;
    }
    const linesChanged = !sameJson(job.services, group.services) || !sameJson(job.products, resolved.products);
    if (!linesChanged && !worksiteChanged && !contactChanged) continue;
    if (FINISHED.includes(job.status)) {
      outcomes.set(
        job.id,
        outcome(job, projectNumber, "kept_not_allowed", `the job is ${job.status}: order updates no longer apply`),
      );
      continue;
    }
    const durationUntouched = job.previousDurationMinutes === null;
    const planned = job.plannedDate.toISOString().slice(0, 10) < dates.earliest ? dates.planned : null;
    const done = await tryIntegrationAction(
      tx,
      job,
      "order_update",
      resolved.bu,
      now,
      {
        services: repo.json(group.services),
        products: repo.json(resolved.products),
        earliestDate: asDate(dates.earliest),
        ...(planned ? { plannedDate: asDate(planned) } : {}),
        ...(durationUntouched
          ? { durationMinutes: group.durationMinutes, originalDurationMinutes: group.durationMinutes }
          : {}),
        ...(worksiteChanged ? { worksite: repo.json(body.worksite) } : {}),
        ...(contactChanged ? { contact: repo.json(body.contact) } : {}),
      },
      {
        orderId: order.externalId,
        revision: order.revision,
        linesChanged,
        worksiteChanged,
        contactChanged,
        ...(planned ? { plannedDate: planned } : {}),
      },
    );
    if (done instanceof ExecRuleError) {
      outcomes.set(job.id, outcome(job, projectNumber, "kept_not_allowed", done.message));
      continue;
    }
    outcomes.set(job.id, outcome(done.job, projectNumber, "updated", null));
    refs.push(...done.refs);
  }
  const anchor = jobs[0];
  if (groups.size > 0 && anchor) {
    const project = { id: anchor.projectId, number: numbers.get(anchor.projectId) ?? 0 };
    for (const group of groups.values()) {
      const made = await createJob(tx, {
        tenantId,
        order,
        project,
        resolved,
        group,
        body,
        now,
        orderedAt: order.orderedAt,
      });
      outcomes.set(made.outcome.jobId, made.outcome);
      refs.push(...made.refs);
    }
    await refreshProjectStatus(tx, tenantId, project.id, resolved.bu.params, now);
  }
  return { order, outcomes, refs };
}

/** Cancelling the order cancels its jobs, except those already in progress or later, which stay as they are. */
export async function cancelOrderJobs(
  tx: Tx,
  input: { deps: ExecApiDeps; tenantId: string; order: OrderRow; bu: BuContext; reason: string | null },
): Promise<Change> {
  const { tenantId, bu } = input;
  const now = input.deps.now();
  const alreadyCancelled = input.order.status === "cancelled";
  const order = alreadyCancelled
    ? input.order
    : await tx.order.update({
        where: { id: input.order.id },
        data: { status: "cancelled", cancelledAt: now, revision: { increment: 1 } },
      });
  const jobs = await repo.jobsOfOrder(tx, tenantId, order.id);
  const numbers = await repo.projectNumberMap(tx, tenantId, jobs);
  const outcomes = new Map<string, JobOutcome>();
  const refs: TimerRef[] = [];
  for (const row of jobs) {
    const job = (await lockJob(tx, tenantId, row.id))!;
    const projectNumber = numbers.get(job.projectId) ?? 0;
    if (job.status === "cancelled") continue;
    const done = await tryIntegrationAction(
      tx,
      job,
      "order_cancel",
      bu,
      now,
      { cancelReason: "order_cancelled", cancelJustification: input.reason },
      { orderId: order.externalId, reason: input.reason },
    );
    if (done instanceof ExecRuleError) {
      const kind = done.reason === "in_progress_reached" ? "kept_in_progress" : "kept_not_allowed";
      outcomes.set(job.id, outcome(job, projectNumber, kind, done.message));
      // The job's history says why the order's cancellation left it as it is (once, not on a repeated cancel).
      if (kind === "kept_in_progress" && !alreadyCancelled) {
        await recordJobEvent(tx, {
          tenantId,
          jobId: job.id,
          actor: INTEGRATION_EXEC_ACTOR,
          name: "ORDER_CANCEL_IGNORED_IN_PROGRESS",
          data: { orderId: order.externalId, reason: input.reason, status: job.status },
          at: now,
        });
      }
      continue;
    }
    outcomes.set(job.id, outcome(done.job, projectNumber, "cancelled", null));
    refs.push(...done.refs);
  }
  return { order, outcomes, refs };
}
