import { SYSTEM_TASK_META, type SystemTaskKind } from "@atende/domain";

/** The two staff personas that share the project screens; each keeps its own URLs and permission. */
export type StaffPersona = "operator" | "seller";

export const projectsPath = (persona: StaffPersona) => `/${persona}/projects`;
export const projectPath = (persona: StaffPersona, id: string) => `/${persona}/projects/${id}`;
export const jobPath = (persona: StaffPersona, id: string) => `/${persona}/jobs/${id}`;
export const portalSignPath = (jobId: string) => `/portal/jobs/${jobId}/sign`;

export const jobApi = (jobId: string) => `/api/v1/jobs/${jobId}`;
export const contractPdfUrl = (jobId: string) => `${jobApi(jobId)}/contract/pdf`;
export const documentUrl = (jobId: string, documentId: string) => `${jobApi(jobId)}/documents/${documentId}`;

/**
 * The ticket queue narrowed to one kind of system task. The queue has no tag filter, so it filters on type "task" and
 * searches the words of the kind's subject, which the domain writes the same for every task of that kind.
 */
export function taskQueuePath(kind: SystemTaskKind): string {
  const words = SYSTEM_TASK_META[kind]
    .subject("")
    .replace(/\s*-\s*job\s*$/, "")
    .trim();
  return `/operator/queue?${new URLSearchParams({ type: "task", q: words }).toString()}`;
}

export const projectLabel = (number: number) => `PX-${number}`;
export const jobLabel = (number: number) => `SX-${number}`;
