import type { TContact, TJob, TWorksite } from "@atende/contracts";
import type { Tx } from "@atende/db";
import { allowedSxActions, type SxStatus, type SxType, type SystemTaskKind } from "@atende/domain";
import { factsFor, loadBuContext, type JobRow, isoDate } from "@atende/execution";
import type { RequestContext } from "../../context";
import { execActorOf, findVisibleJob } from "./exec-access";
import { addDays, localDate, type ProductLineJson, type ServiceLineJson } from "./order-lines";

type ContractStatus = TJob["contracts"][number]["status"];
type ContractChannel = TJob["contracts"][number]["channel"];

/** The job as its page shows it, with the actions the status table allows this user now. */
export async function jobView(tx: Tx, ctx: RequestContext, job: JobRow, now: Date): Promise<TJob> {
  const bu = await loadBuContext(tx, ctx.tenantId, job.buId);
  const facts = await factsFor(tx, job);
  const actor = execActorOf(ctx, job);
  const project = await tx.project.findFirstOrThrow({
    where: { tenantId: ctx.tenantId, id: job.projectId },
    select: { number: true, customerName: true },
  });
  const order = await tx.order.findFirstOrThrow({
    where: { tenantId: ctx.tenantId, id: job.orderId },
    select: { externalId: true },
  });
  const contracts = await tx.contract.findMany({
    where: { tenantId: ctx.tenantId, jobId: job.id },
    orderBy: { version: "desc" },
  });
  const tasks = await tx.ticket.findMany({
    where: { tenantId: ctx.tenantId, jobId: job.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, taskKind: true, status: true },
  });
  const alerts: TJob["alerts"] = [];
  const isSeller = actor.sx.kind === "user" && actor.sx.roles.includes("seller");
  if (
    facts.duplicateTechnicalVisits &&
    bu.params.blockSellerOnDuplicateTechnicalVisits &&
    job.status === "pre_scheduled"
  ) {
    alerts.push({
      code: "seller_blocked_duplicate_technical_visits",
      message: isSeller
        ? "Two providers of the same specialty did technical visits in this project: an operator must send the contract and manage this job."
        : "Two providers of the same specialty did technical visits in this project: sellers are blocked on this job.",
    });
  }
  if (job.postcodeChangePending) {
    alerts.push({
      code: "postcode_changed",
      message: "The worksite postcode changed: provider coverage must be checked before assignment.",
    });
  }
  const today = localDate(now, bu.timezone);
  return {
    id: job.id,
    number: job.number,
    projectId: job.projectId,
    projectNumber: project.number,
    orderId: order.externalId,
    buId: job.buId,
    storeId: job.storeId,
    type: job.type as SxType,
    status: job.status as SxStatus,
    profession: job.profession,
    specialty: job.specialty,
    services: job.services as ServiceLineJson[],
    products: job.products as ProductLineJson[],
    durationMinutes: job.durationMinutes,
    originalDurationMinutes: job.originalDurationMinutes,
    previousDurationMinutes: job.previousDurationMinutes,
    plannedDate: isoDate(job.plannedDate),
    earliestDate: isoDate(job.earliestDate) > today ? isoDate(job.earliestDate) : today,
    latestDate: addDays(today, bu.params.bookableHorizonDays),
    worksite: job.worksite as TWorksite,
    contact: job.contact as TContact,
    customerName: project.customerName,
    tags: job.tags,
    postcodeChangePending: job.postcodeChangePending,
    cancelReason: job.cancelReason,
    cancelJustification: job.cancelJustification,
    cancelledAt: job.cancelledAt?.toISOString() ?? null,
    signedAt: job.signedAt?.toISOString() ?? null,
    version: job.version,
    createdAt: job.createdAt.toISOString(),
    allowedActions: allowedSxActions(facts, actor.sx, bu.params),
    alerts,
    contracts: contracts.map((c) => ({
      id: c.id,
      version: c.version,
      status: c.status as ContractStatus,
      channel: c.channel as ContractChannel,
      sentAt: c.sentAt.toISOString(),
      signedAt: c.signedAt?.toISOString() ?? null,
      signerName: c.signerName,
      remindersSent: c.remindersSent,
    })),
    tasks: tasks.map((t) => ({
      ticketId: t.id,
      number: t.number,
      kind: t.taskKind as SystemTaskKind,
      status: t.status,
    })),
  };
}

export async function getJob(ctx: RequestContext, id: string, now: Date): Promise<TJob> {
  return ctx.run(async (tx) => jobView(tx, ctx, await findVisibleJob(tx, ctx, id), now));
}
