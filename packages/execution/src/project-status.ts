import type { Tx } from "@atende/db";
import { derivePxStatus, type BuParameters, type SxStatus } from "@atende/domain";
import { queueWebhooks } from "./webhooks";

/** Recomputes the project's derived status from its jobs; never set by hand. */
export async function refreshProjectStatus(
  tx: Tx,
  tenantId: string,
  projectId: string,
  params: BuParameters,
  now: Date,
): Promise<void> {
  const project = await tx.project.findFirstOrThrow({
    where: { tenantId, id: projectId },
    select: { status: true, number: true },
  });
  const jobs = await tx.job.findMany({ where: { tenantId, projectId }, select: { status: true, closedAt: true } });
  const status = derivePxStatus(
    jobs.map((j) => ({ status: j.status as SxStatus, closedAt: j.closedAt })),
    params,
    now,
  );
  const lastClosedAt = jobs.reduce<Date | null>(
    (latest, j) => (j.closedAt && (!latest || j.closedAt > latest) ? j.closedAt : latest),
    null,
  );
  if (status === project.status) {
    await tx.project.update({ where: { id: projectId }, data: { lastClosedAt } });
    return;
  }
  await tx.project.update({ where: { id: projectId }, data: { status, lastClosedAt } });
  await queueWebhooks(
    tx,
    tenantId,
    "project.status_changed",
    { projectId, projectNumber: project.number, from: project.status, to: status },
    now,
  );
}
