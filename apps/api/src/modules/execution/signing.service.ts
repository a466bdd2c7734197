import { withTenant, type Tx } from "@atende/db";
import type { TPortalProject, TSigningView, TWorksite } from "@atende/contracts";
import type { PxStatus, SxStatus, SxType, SystemTaskKind } from "@atende/domain";
import {
  ExecRuleError,
  loadBuContext,
  lockJob,
  parseSigningLink,
  readStoredFile,
  signContract,
  type ExecActor,
  type JobRow,
  isoDate,
} from "@atende/execution";
import type { RequestContext } from "../../context";
import { notFound } from "../../errors";
import { readableScopes } from "./exec-access";
import { dispatchAfterCommit, type ExecApiDeps } from "./exec-api-deps";
import { reachSql } from "./scope-sql";

type ContractRow = NonNullable<Awaited<ReturnType<Tx["contract"]["findFirst"]>>>;

async function signingView(tx: Tx, job: JobRow, contract: ContractRow): Promise<TSigningView> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: job.tenantId }, select: { name: true } });
  const project = await tx.project.findFirstOrThrow({
    where: { tenantId: job.tenantId, id: job.projectId },
    select: { number: true, customerName: true },
  });
  const bu = await tx.businessUnit.findFirstOrThrow({
    where: { tenantId: job.tenantId, id: job.buId },
    select: { locale: true },
  });
  return {
    tenantName: tenant.name,
    jobNumber: job.number,
    projectNumber: project.number,
    customerName: (job.contact as { name?: string }).name || project.customerName,
    version: contract.version,
    status: contract.status as TSigningView["status"],
    plannedDate: isoDate(job.plannedDate),
    worksite: job.worksite as TWorksite,
    services: (job.services as Array<{ label: string; quantity: number }>).map((s) => ({
      label: s.label,
      quantity: s.quantity,
    })),
    signedAt: contract.signedAt?.toISOString() ?? null,
    locale: bu.locale,
  };
}

// ===== Public signing link =====

async function byLink<T>(
  deps: ExecApiDeps,
  token: string,
  fn: (tx: Tx, contract: ContractRow, tenantId: string) => Promise<T>,
): Promise<T> {
  const link = parseSigningLink(token);
  if (!link) throw notFound("contract");
  return withTenant(deps.db, link.tenantId, async (tx) => {
    const contract = await tx.contract.findFirst({ where: { tenantId: link.tenantId, tokenHash: link.tokenHash } });
    if (!contract) throw notFound("contract");
    return fn(tx, contract, link.tenantId);
  });
}

export function publicContract(deps: ExecApiDeps, token: string): Promise<TSigningView> {
  return byLink(deps, token, async (tx, contract, tenantId) => {
    const job = (await tx.job.findFirst({ where: { tenantId, id: contract.jobId } }))!;
    const view = await signingView(tx, job, contract);
    // An old link (signed, replaced or skipped version) only says what became of it: it keeps no access to the
    // customer's current address, plans or services.
    if (contract.status === "sent") return view;
    return {
      ...view,
      customerName: "",
      worksite: null,
      services: [],
      plannedDate: "",
    };
  });
}

export async function publicContractPdf(deps: ExecApiDeps, token: string): Promise<Buffer> {
  const key = await byLink(deps, token, async (_tx, contract) => {
    if (contract.status !== "sent") throw notFound("contract");
    return contract.pdfStorageKey;
  });
  return readStoredFile(deps.storageDir, key);
}

const LINK_ACTOR: ExecActor = { userId: null, label: "customer (signing link)", sx: { kind: "system" } };

export async function signByLink(
  deps: ExecApiDeps,
  token: string,
  signerName: string,
  ip: string | null,
  userAgent: string | null,
) {
  const refs = await byLink(deps, token, async (tx, contract, tenantId) => {
    const job = await lockJob(tx, tenantId, contract.jobId);
    if (!job) throw notFound("contract");
    const bu = await loadBuContext(tx, tenantId, job.buId);
    const fresh = await tx.contract.findFirst({ where: { tenantId, id: contract.id } });
    const { refs } = await signContract(tx, deps, {
      job,
      bu,
      contract: fresh!,
      signerName,
      ip,
      userAgent,
      method: "link",
      actor: { ...LINK_ACTOR, label: `${signerName} (signing link)` },
    });
    return refs;
  });
  await dispatchAfterCommit(deps, refs);
  return { ok: true as const };
}

// ===== Customer portal =====

const PROGRESS: Record<SxStatus, number> = {
  pre_scheduled: 10,
  scheduled: 25,
  distributed: 35,
  confirmed: 50,
  in_progress: 70,
  waiting_for_wcf: 85,
  done: 95,
  closed: 100,
  cancelled: 0,
  non_compliant: 100,
};

async function customerIds(tx: Tx, ctx: RequestContext): Promise<string[]> {
  const rows = await tx.customer.findMany({
    where: { tenantId: ctx.tenantId, userId: ctx.actor.userId ?? "" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function portalProjects(ctx: RequestContext): Promise<{ items: TPortalProject[] }> {
  return ctx.run(async (tx) => {
    const ids = await customerIds(tx, ctx);
    const projects = await tx.project.findMany({
      where: { tenantId: ctx.tenantId, customerId: { in: ids } },
      orderBy: { createdAt: "desc" },
      take: 100,
    });
    const jobs = await tx.job.findMany({
      where: { tenantId: ctx.tenantId, projectId: { in: projects.map((p) => p.id) } },
      orderBy: { number: "asc" },
    });
    const pending = await tx.contract.findMany({
      where: { tenantId: ctx.tenantId, jobId: { in: jobs.map((j) => j.id) }, status: "sent" },
    });
    return {
      items: projects.map((p) => ({
        id: p.id,
        number: p.number,
        status: p.status as PxStatus,
        worksite: p.worksite as TWorksite,
        createdAt: p.createdAt.toISOString(),
        jobs: jobs
          .filter((j) => j.projectId === p.id)
          .map((j) => {
            const contract = pending.find((c) => c.jobId === j.id);
            return {
              id: j.id,
              number: j.number,
              type: j.type as SxType,
              status: j.status as SxStatus,
              plannedDate: isoDate(j.plannedDate),
              progressPercent: PROGRESS[j.status as SxStatus] ?? 0,
              services: (j.services as Array<{ label: string }>).map((s) => s.label),
              contractToSign:
                contract && j.status === "pre_scheduled"
                  ? { version: contract.version, sentAt: contract.sentAt.toISOString() }
                  : null,
            };
          }),
      })),
    };
  });
}

/** The customer's own job and its latest contract version; anybody else's job is a 404. */
async function portalContract(tx: Tx, ctx: RequestContext, jobId: string) {
  const ids = await customerIds(tx, ctx);
  const job = await tx.job.findFirst({ where: { tenantId: ctx.tenantId, id: jobId } });
  const project = job
    ? await tx.project.findFirst({ where: { tenantId: ctx.tenantId, id: job.projectId, customerId: { in: ids } } })
    : null;
  if (!job || !project) throw notFound("job");
  const contract = await tx.contract.findFirst({
    where: { tenantId: ctx.tenantId, jobId },
    orderBy: { version: "desc" },
  });
  if (!contract) throw new ExecRuleError(404, "contract_not_sent", "no contract has been sent for this job yet");
  return { job, contract };
}

export function portalContractView(ctx: RequestContext, jobId: string): Promise<TSigningView> {
  return ctx.run(async (tx) => {
    const { job, contract } = await portalContract(tx, ctx, jobId);
    return signingView(tx, job, contract);
  });
}

export async function portalContractPdf(deps: ExecApiDeps, ctx: RequestContext, jobId: string): Promise<Buffer> {
  const key = await ctx.run(async (tx) => (await portalContract(tx, ctx, jobId)).contract.pdfStorageKey);
  return readStoredFile(deps.storageDir, key);
}

export async function signInPortal(
  deps: ExecApiDeps,
  ctx: RequestContext,
  jobId: string,
  signerName: string,
  userAgent: string | null,
) {
  const refs = await ctx.run(async (tx) => {
    // Lock first: a second signature waiting on the lock then reads the contract as the first one left it.
    await lockJob(tx, ctx.tenantId, jobId);
    const { job, contract } = await portalContract(tx, ctx, jobId);
    const bu = await loadBuContext(tx, ctx.tenantId, job.buId);
    const roles = ctx.principal.kind === "user" ? ctx.principal.roles.map((r) => r.role) : [];
    const { refs } = await signContract(tx, deps, {
      job,
      bu,
      contract,
      signerName,
      ip: ctx.ip,
      userAgent,
      method: "portal",
      actor: { userId: ctx.actor.userId, label: ctx.actor.label, sx: { kind: "user", roles } },
    });
    return refs;
  });
  await dispatchAfterCommit(deps, refs);
  return { ok: true as const };
}

// ===== Monitoring =====

/** Contracts waiting for a signature in the BUs and stores the reader reaches, oldest first. */
export async function pendingContracts(ctx: RequestContext, now: Date) {
  const reach = reachSql(readableScopes(ctx), { bu: "j.bu_id", store: "j.store_id" });
  const rows = await ctx.run(
    (tx) =>
      tx.$queryRaw<
        Array<{
          job_id: string;
          job_number: number;
          project_number: number;
          customer_name: string;
          version: number;
          sent_at: Date;
          reminders_sent: number;
        }>
      >`
      SELECT c.job_id, j.number AS job_number, p.number AS project_number, p.customer_name, c.version, c.sent_at,
        c.reminders_sent
      FROM contracts c
      JOIN jobs j ON j.tenant_id = c.tenant_id AND j.id = c.job_id
      JOIN projects p ON p.tenant_id = j.tenant_id AND p.id = j.project_id
      WHERE c.tenant_id = ${ctx.tenantId}::uuid AND c.status = 'sent' AND j.status = 'pre_scheduled' AND ${reach}
      ORDER BY c.sent_at ASC, c.id ASC
      LIMIT 500`,
  );
  return {
    items: rows.map((c) => ({
      jobId: c.job_id,
      jobNumber: c.job_number,
      projectNumber: c.project_number,
      customerName: c.customer_name,
      version: c.version,
      sentAt: c.sent_at.toISOString(),
      ageHours: Math.round(((now.getTime() - c.sent_at.getTime()) / 3_600_000) * 10) / 10,
      remindersSent: c.reminders_sent,
    })),
  };
}

/** Open system tasks per kind, of the jobs (or, for a task without a job, the BU) the reader reaches. */
export async function taskCounts(ctx: RequestContext) {
  const reach = reachSql(readableScopes(ctx), { bu: "COALESCE(j.bu_id, t.bu_id)", store: "j.store_id" });
  const rows = await ctx.run(
    (tx) =>
      tx.$queryRaw<Array<{ kind: string; open: number }>>`
      SELECT t.task_kind AS kind, count(*)::int AS open
      FROM tickets t
      LEFT JOIN jobs j ON j.tenant_id = t.tenant_id AND j.id = t.job_id
      WHERE t.tenant_id = ${ctx.tenantId}::uuid AND t.is_open AND t.task_kind IS NOT NULL AND ${reach}
      GROUP BY t.task_kind
      ORDER BY t.task_kind`,
  );
  return { items: rows.map((r) => ({ kind: r.kind as SystemTaskKind, open: r.open })) };
}
