import type { TJobCard, TProjectSummary, TWorksite } from "@atende/contracts";
import type { PxStatus, SxStatus, SxType } from "@atende/domain";
import { isoDate } from "@atende/execution";
import type { jobsOfProjects, ProjectListRow, projectsByIds } from "./projects.repo";

type ProjectRow = Awaited<ReturnType<typeof projectsByIds>>[number];
type CardRow = Awaited<ReturnType<typeof jobsOfProjects>>[number];

export function toJobCard(job: CardRow): TJobCard {
  return {
    id: job.id,
    number: job.number,
    type: job.type as SxType,
    status: job.status as SxStatus,
    profession: job.profession,
    specialty: job.specialty,
    plannedDate: isoDate(job.plannedDate),
    tags: job.tags,
    serviceCodes: (job.services as Array<{ code: string }>).map((s) => s.code),
  };
}

export function toProjectSummary(project: ProjectRow, jobs: CardRow[]): TProjectSummary {
  return {
    id: project.id,
    number: project.number,
    status: project.status as PxStatus,
    buId: project.buId,
    storeId: project.storeId,
    customerName: project.customerName,
    customerFiscalId: project.customerFiscalId,
    customerPhone: project.customerPhone,
    worksite: project.worksite as TWorksite,
    createdAt: project.createdAt.toISOString(),
    jobs: jobs.map(toJobCard),
  };
}

export function toProjectListItem(row: ProjectListRow): TProjectSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status as PxStatus,
    buId: row.bu_id,
    storeId: row.store_id,
    customerName: row.customer_name,
    customerFiscalId: row.customer_fiscal_id,
    customerPhone: row.customer_phone,
    worksite: row.worksite as TWorksite,
    createdAt: row.created_at.toISOString(),
    jobs: row.jobs.map((j) => ({ ...j, type: j.type as SxType, status: j.status as SxStatus })),
  };
}
