/** The two staff personas that share the project screens; each keeps its own URLs and permission. */
export type StaffPersona = "operator" | "seller";

export const projectsPath = (persona: StaffPersona) => `/${persona}/projects`;
export const projectPath = (persona: StaffPersona, id: string) => `/${persona}/projects/${id}`;
export const jobPath = (persona: StaffPersona, id: string) => `/${persona}/jobs/${id}`;
export const portalSignPath = (jobId: string) => `/portal/jobs/${jobId}/sign`;

export const jobApi = (jobId: string) => `/api/v1/jobs/${jobId}`;
export const contractPdfUrl = (jobId: string) => `${jobApi(jobId)}/contract/pdf`;
export const documentUrl = (jobId: string, documentId: string) => `${jobApi(jobId)}/documents/${documentId}`;

/** The ticket queue, narrowed to system tasks (the queue has no tag filter; tasks are tickets of type "task"). */
export const TASK_QUEUE_PATH = "/operator/queue?type=task";

export const projectLabel = (number: number) => `PX-${number}`;
export const jobLabel = (number: number) => `SX-${number}`;
