import type { TProjectListQuery } from "@atende/contracts";

/** The list query as sent, without paging: the same filters always share one cache entry. */
export type ProjectListParams = Omit<TProjectListQuery, "limit" | "cursor">;

/** Where a contract is signed: the customer's portal (signed in) or a public link (signed out). */
export type SigningSource = { kind: "portal"; jobId: string } | { kind: "public"; token: string };

// Notes, documents and history sit under their job's key, so one invalidation refreshes a whole job page.
export const execKeys = {
  all: ["exec"] as const,
  projectLists: () => [...execKeys.all, "projects", "list"] as const,
  projectList: (params: ProjectListParams) => [...execKeys.projectLists(), params] as const,
  project: (id: string) => [...execKeys.all, "projects", "detail", id] as const,
  job: (id: string) => [...execKeys.all, "jobs", id] as const,
  notes: (id: string) => [...execKeys.job(id), "notes"] as const,
  documents: (id: string) => [...execKeys.job(id), "documents"] as const,
  history: (id: string) => [...execKeys.job(id), "history"] as const,
  monitoring: () => [...execKeys.all, "monitoring"] as const,
  pendingContracts: () => [...execKeys.monitoring(), "contracts-pending"] as const,
  taskCounts: () => [...execKeys.monitoring(), "tasks"] as const,
  portalProjects: () => [...execKeys.all, "portal", "projects"] as const,
  signing: (source: SigningSource) =>
    [...execKeys.all, "signing", source.kind, source.kind === "portal" ? source.jobId : source.token] as const,
};
