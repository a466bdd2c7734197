import type { Tx } from "@atende/db";
import { can, roleHas, type Permission, type RoleAssignment } from "@atende/domain";
import { ExecRuleError, loadBuContext, lockJob, type ExecActor, type JobRow } from "@atende/execution";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";

type JobScope = { buId: string; storeId: string };

const READ_PERMISSIONS: readonly Permission[] = ["projects.read", "jobs.sell", "jobs.operate"];

/** An assignment reaches a job when it is tenant-wide, BU-wide in the job's BU, or for the job's store. */
const covers = (role: RoleAssignment, scope: JobScope) =>
  role.buId === null || (role.buId === scope.buId && (role.storeId === null || role.storeId === scope.storeId));

/**
 * The status table's actor for this request: the user's roles (those reaching the job, when it is given, so an
 * execution admin of another BU acts here with the roles held here), or the order system for API tokens.
 */
export function execActorOf(ctx: RequestContext, job?: JobScope): ExecActor {
  if (ctx.principal.kind === "token") return { userId: null, label: ctx.actor.label, sx: { kind: "integration" } };
  const roles = job ? ctx.principal.roles.filter((r) => covers(r, job)) : ctx.principal.roles;
  return {
    userId: ctx.actor.userId,
    label: ctx.actor.label,
    sx: { kind: "user", roles: [...new Set(roles.map((r) => r.role))] },
  };
}

export type ReadableScopes = "all" | Array<{ buId: string; storeId: string | null }>;

/**
 * What of the projects this principal reads: "all" for tenant-wide roles and read tokens, else the BUs (storeId
 * null) and stores its staff roles reach.
 */
export function readableScopes(ctx: RequestContext): ReadableScopes {
  if (ctx.principal.kind === "token") return "all";
  const granting = ctx.principal.roles.filter((r) => READ_PERMISSIONS.some((p) => roleHas(r.role, p)));
  if (granting.some((r) => r.buId === null)) return "all";
  const seen = new Map<string, { buId: string; storeId: string | null }>();
  for (const r of granting) seen.set(`${r.buId}|${r.storeId ?? ""}`, { buId: r.buId!, storeId: r.storeId });
  return [...seen.values()];
}

/** Whether a staff role of this principal reaches the BU and store (tokens read everything). */
export function canRead(ctx: RequestContext, scope: JobScope): boolean {
  if (ctx.principal.kind === "token") return true;
  return ctx.principal.roles.some((r) => READ_PERMISSIONS.some((p) => roleHas(r.role, p)) && covers(r, scope));
}

/** Another BU's or another store's project is a 404 for a scoped user, like another tenant's. */
export function assertReadable(ctx: RequestContext, scope: JobScope, what: "job" | "project" = "job"): void {
  if (!canRead(ctx, scope)) throw notFound(what);
}

/** Loads and locks a job the user may see (another BU's job is a 404, like another tenant's). */
export async function lockVisibleJob(tx: Tx, ctx: RequestContext, jobId: string): Promise<JobRow> {
  const job = await lockJob(tx, ctx.tenantId, jobId);
  if (!job) throw notFound("job");
  assertReadable(ctx, job);
  return job;
}

export async function findVisibleJob(tx: Tx, ctx: RequestContext, jobId: string): Promise<JobRow> {
  const job = await tx.job.findFirst({ where: { tenantId: ctx.tenantId, id: jobId } });
  if (!job) throw notFound("job");
  assertReadable(ctx, job);
  return job;
}

export function assertVersion(job: JobRow, version: number): void {
  if (job.version !== version)
    throw new AppError("STALE_VERSION", { detail: "the job was changed by someone else: reload and try again" });
}

export function isOperator(ctx: RequestContext, job: JobScope): boolean {
  return ctx.principal.kind === "user" && can(ctx.principal.roles, "jobs.operate", job);
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
