import type { Tx } from "@atende/db";

export type JobRow = NonNullable<Awaited<ReturnType<Tx["job"]["findFirst"]>>>;

/** Loads the job under a row lock so concurrent actions on it serialise. */
export async function lockJob(tx: Tx, tenantId: string, jobId: string): Promise<JobRow | null> {
  await tx.$queryRaw`SELECT id FROM jobs WHERE tenant_id = ${tenantId}::uuid AND id = ${jobId}::uuid FOR UPDATE`;
  return tx.job.findFirst({ where: { tenantId, id: jobId } });
}

const VISITED = ["in_progress", "waiting_for_wcf", "done", "closed", "non_compliant"];

/** Two providers of the same specialty already did technical visits in this job's project (DOMAIN 3.4). */
export async function hasDuplicateTechnicalVisits(tx: Tx, job: JobRow): Promise<boolean> {
  const visits = await tx.job.findMany({
    where: {
      tenantId: job.tenantId,
      projectId: job.projectId,
      type: "technical_visit",
      specialty: job.specialty,
      status: { in: VISITED },
      providerId: { not: null },
    },
    select: { providerId: true },
  });
  return new Set(visits.map((v) => v.providerId)).size >= 2;
}
