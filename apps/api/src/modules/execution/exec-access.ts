import type { Tx } from "@atende/db";
import { can, scopedBuIds, type Permission } from "@atende/domain";
import { ExecRuleError, loadBuContext, lockJob, type ExecActor, type JobRow } from "@atende/execution";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";

/** The status table's actor for this request: the user's roles, or the order system for API tokens. */
export function execActorOf(ctx: RequestContext): ExecActor {
  if (ctx.principal.kind === "token") return { userId: null, label: ctx.actor.label, sx: { kind: "integration" } };
  return {
    userId: ctx.actor.userId,
    label: ctx.actor.label,
    sx: { kind: "user", roles: ctx.principal.roles.map((r) => r.role) },
  };
}

/** BUs whose projects this principal reads ("all" for tenant-wide roles and read tokens). */
export function readableBuIds(ctx: RequestContext): "all" | string[] {
  if (ctx.principal.kind === "token") return "all";
  const ids = new Set<string>();
  for (const permission of ["projects.read", "jobs.sell", "jobs.operate"] satisfies Permission[]) {
    const scoped = scopedBuIds(ctx.principal.roles, permission);
    if (scoped === "all") return "all";
    scoped.forEach((id) => ids.add(id));
  }
  return [...ids];
}

export function assertReadableBu(ctx: RequestContext, buId: string): void {
  const ids = readableBuIds(ctx);
  if (ids !== "all" && !ids.includes(buId)) throw notFound("job");
}

/** Loads and locks a job the user may see (another BU's job is a 404, like another tenant's). */
export async function lockVisibleJob(tx: Tx, ctx: RequestContext, jobId: string): Promise<JobRow> {
  const job = await lockJob(tx, ctx.tenantId, jobId);
  if (!job) throw notFound("job");
  assertReadableBu(ctx, job.buId);
  return job;
}

export async function findVisibleJob(tx: Tx, ctx: RequestContext, jobId: string): Promise<JobRow> {
  const job = await tx.job.findFirst({ where: { tenantId: ctx.tenantId, id: jobId } });
  if (!job) throw notFound("job");
  assertReadableBu(ctx, job.buId);
  return job;
}

export function assertVersion(job: JobRow, version: number): void {
  if (job.version !== version)
    throw new AppError("STALE_VERSION", { detail: "the job was changed by someone else: reload and try again" });
}

export function isOperator(ctx: RequestContext, buId: string): boolean {
  return ctx.principal.kind === "user" && can(ctx.principal.roles, "jobs.operate", { buId });
}

/** The domain's refusals as problem+json: 403 who, 409 state, 422 value. */
export function toAppError(error: ExecRuleError): AppError {
  const detail = `${error.message} (rule: ${error.reason})`;
  const fields = error.field ? [{ path: `body.${error.field}`, message: error.message }] : undefined;
  switch (error.httpStatus) {
    case 403:
      return new AppError("FORBIDDEN", { detail });
    case 404:
      return new AppError("NOT_FOUND", { detail });
    case 409:
      return new AppError("CONFLICT", { detail });
    default:
      return new AppError("RULE_VIOLATION", { detail, ...(fields ? { fields } : {}) });
  }
}

export { loadBuContext };
