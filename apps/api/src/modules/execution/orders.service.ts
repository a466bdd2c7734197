import type { TOrderBody, TOrderCreate, TOrderResult } from "@atende/contracts";
import type { Tx } from "@atende/db";
import { addressKeyOf, customerKeyOf, findGroupingProject, normalisePostcode, type PxStatus } from "@atende/domain";
import { loadBuContext, nextExecutionNumber, refreshProjectStatus } from "@atende/execution";
import type { TimerRef } from "@atende/jobs";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { dispatchAfterCommit, type ExecApiDeps } from "./exec-api-deps";
import { createJob, invalid, resolveOrder, type ResolvedOrder } from "./order-intake";
import { applyOrderChange, cancelOrderJobs, type JobOutcome } from "./order-changes";
import * as repo from "./orders.repo";

async function projectFor(
  tx: Tx,
  ctx: RequestContext,
  body: TOrderBody,
  resolved: ResolvedOrder,
  customer: { id: string; name: string; fiscalId: string | null; phone: string | null },
  customerKey: string,
  now: Date,
): Promise<{ id: string; number: number }> {
  const postcode = normalisePostcode(body.worksite.postcode);
  const addressKey = addressKeyOf(body.worksite);
  const candidates = await repo.projectCandidates(tx, ctx.tenantId, resolved.bu.id, customerKey, postcode);
  const found = findGroupingProject(
    candidates.map((c) => ({ ...c, status: c.status as PxStatus })),
    { customerKey, postcode, addressKey },
    resolved.bu.params,
    now,
  );
  if (found) return { id: found, number: (await repo.projectNumbers(tx, ctx.tenantId, [found]))[0]!.number };
  const number = await nextExecutionNumber(tx, ctx.tenantId, "project");
  const project = await repo.insertProject(tx, {
    tenantId: ctx.tenantId,
    number,
    buId: resolved.bu.id,
    storeId: resolved.storeId,
    customerId: customer.id,
    customerKey,
    customerName: customer.name,
    customerFiscalId: customer.fiscalId,
    customerPhone: customer.phone,
    postcode,
    addressKey,
    worksite: body.worksite,
    createdAt: now,
  });
  return { id: project.id, number };
}

async function resultOf(
  tx: Tx,
  tenantId: string,
  order: { id: string; externalId: string; revision: number; status: string },
  outcomes: Map<string, JobOutcome>,
): Promise<TOrderResult> {
  const jobs = await repo.jobsOfOrder(tx, tenantId, order.id);
  const numbers = await repo.projectNumberMap(tx, tenantId, jobs);
  return {
    orderId: order.externalId,
    id: order.id,
    revision: order.revision,
    status: order.status as TOrderResult["status"],
    jobs: jobs.map(
      (j) =>
        outcomes.get(j.id) ?? {
          jobId: j.id,
          number: j.number,
          projectId: j.projectId,
          projectNumber: numbers.get(j.projectId) ?? 0,
          status: j.status as JobOutcome["status"],
          outcome: "unchanged",
          message: null,
        },
    ),
  };
}

/**
 * A new order becomes jobs grouped into projects. The order id makes it idempotent: sending the same order again
 * answers with its current state (200) and changes nothing; updates go through PUT.
 */
export async function createOrder(
  deps: ExecApiDeps,
  ctx: RequestContext,
  body: TOrderCreate,
): Promise<{ created: boolean; result: TOrderResult }> {
  const now = deps.now();
  const orderedAt = body.orderedAt ? new Date(body.orderedAt) : now;
  const { created, result, refs } = await ctx.run(async (tx) => {
    const customerKey = customerKeyOf({
      fiscalId: body.customer.fiscalId,
      externalCustomerId: body.customer.customerId,
    });
    if (!customerKey) throw invalid("body.customer.fiscalId", "a customer needs a fiscal id or a customer id");
    await repo.lockCustomerKey(tx, ctx.tenantId, customerKey);
    const existing = await repo.findOrder(tx, ctx.tenantId, body.orderId);
    if (existing) return { created: false, result: await resultOf(tx, ctx.tenantId, existing, new Map()), refs: [] };
    const resolved = await resolveOrder(tx, ctx.tenantId, body);
    const customer = await repo.upsertCustomer(tx, ctx.tenantId, resolved.bu.id, customerKey, body.customer);
    const contact = body.contact ?? { name: customer.name, email: customer.email, phone: customer.phone };
    const order = await repo.insertOrder(tx, {
      tenantId: ctx.tenantId,
      buId: resolved.bu.id,
      storeId: resolved.storeId,
      externalId: body.orderId,
      customerId: customer.id,
      seller: body.seller,
      worksite: body.worksite,
      contact,
      productLines: resolved.products,
      serviceLines: body.services,
      orderedAt,
    });
    const project = await projectFor(tx, ctx, body, resolved, customer, customerKey, now);
    const outcomes = new Map<string, JobOutcome>();
    const refs: TimerRef[] = [];
    for (const group of resolved.groups) {
      const made = await createJob(tx, {
        tenantId: ctx.tenantId,
        order,
        project,
        resolved,
        group,
        body,
        now,
        orderedAt,
      });
      outcomes.set(made.outcome.jobId, made.outcome);
      refs.push(...made.refs);
    }
    await refreshProjectStatus(tx, ctx.tenantId, project.id, resolved.bu.params, now);
    return { created: true, result: await resultOf(tx, ctx.tenantId, order, outcomes), refs };
  });
  await dispatchAfterCommit(deps, refs);
  return { created, result };
}

export async function updateOrder(
  deps: ExecApiDeps,
  ctx: RequestContext,
  externalId: string,
  body: TOrderBody,
): Promise<TOrderResult> {
  const { result, refs } = await ctx.run(async (tx) => {
    const order = await repo.findOrder(tx, ctx.tenantId, externalId);
    if (!order) throw new AppError("NOT_FOUND", { detail: `order ${externalId} not found` });
    // Its jobs are cancelled for good: an update must not bring them back as new jobs.
    if (order.status === "cancelled")
      throw new AppError("CONFLICT", { detail: `order ${externalId} is cancelled: it can no longer be updated` });
    const resolved = await resolveOrder(tx, ctx.tenantId, body);
    if (resolved.bu.id !== order.buId) throw invalid("body.storeCode", "an order cannot move to another business unit");
    const change = await applyOrderChange(tx, { deps, tenantId: ctx.tenantId, order, body, resolved });
    return { result: await resultOf(tx, ctx.tenantId, change.order, change.outcomes), refs: change.refs };
  });
  await dispatchAfterCommit(deps, refs);
  return result;
}

export async function cancelOrder(
  deps: ExecApiDeps,
  ctx: RequestContext,
  externalId: string,
  reason: string | null,
): Promise<TOrderResult> {
  const { result, refs } = await ctx.run(async (tx) => {
    const order = await repo.findOrder(tx, ctx.tenantId, externalId);
    if (!order) throw new AppError("NOT_FOUND", { detail: `order ${externalId} not found` });
    const bu = await loadBuContext(tx, ctx.tenantId, order.buId);
    const change = await cancelOrderJobs(tx, { deps, tenantId: ctx.tenantId, order, bu, reason });
    return { result: await resultOf(tx, ctx.tenantId, change.order, change.outcomes), refs: change.refs };
  });
  await dispatchAfterCommit(deps, refs);
  return result;
}
