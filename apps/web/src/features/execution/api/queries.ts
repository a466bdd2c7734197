import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import {
  pageOf,
  ZJob,
  ZJobDocument,
  ZJobEvent,
  ZJobNote,
  ZPendingContract,
  ZPortalProject,
  ZProjectDetail,
  ZProjectSummary,
  ZTaskCount,
} from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { jobApi } from "../lib/paths";
import { execKeys, type ProjectListParams } from "./keys";

const ZProjectPage = pageOf(ZProjectSummary);
const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const ZNotes = itemsOf(ZJobNote);
const ZDocuments = itemsOf(ZJobDocument);
const ZEvents = itemsOf(ZJobEvent);
const ZPendingContracts = itemsOf(ZPendingContract);
const ZTaskCounts = itemsOf(ZTaskCount);
const ZPortalProjects = itemsOf(ZPortalProject);

export function useProjectList(params: ProjectListParams) {
  return usePagedList({
    queryKey: execKeys.projectList(params),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/projects", { schema: ZProjectPage, query: { ...params, cursor, limit: 50 }, signal }),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: execKeys.project(id),
    queryFn: ({ signal }) => apiFetch(`/api/v1/projects/${id}`, { schema: ZProjectDetail, signal }),
  });
}

export function useJob(id: string) {
  return useQuery({
    queryKey: execKeys.job(id),
    queryFn: ({ signal }) => apiFetch(jobApi(id), { schema: ZJob, signal }),
  });
}

export function useJobNotes(id: string, enabled: boolean) {
  return useQuery({
    queryKey: execKeys.notes(id),
    queryFn: ({ signal }) => apiFetch(`${jobApi(id)}/notes`, { schema: ZNotes, signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useJobDocuments(id: string, enabled: boolean) {
  return useQuery({
    queryKey: execKeys.documents(id),
    queryFn: ({ signal }) => apiFetch(`${jobApi(id)}/documents`, { schema: ZDocuments, signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useJobHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: execKeys.history(id),
    queryFn: ({ signal }) => apiFetch(`${jobApi(id)}/history`, { schema: ZEvents, signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function usePendingContracts() {
  return useQuery({
    queryKey: execKeys.pendingContracts(),
    queryFn: ({ signal }) => apiFetch("/api/v1/monitoring/contracts-pending", { schema: ZPendingContracts, signal }),
    // Oldest first whatever order the API used: the longest wait is the most urgent.
    select: (data) => [...data.items].sort((a, b) => b.ageHours - a.ageHours),
    refetchInterval: 60_000,
  });
}

export function useTaskCounts() {
  return useQuery({
    queryKey: execKeys.taskCounts(),
    queryFn: ({ signal }) => apiFetch("/api/v1/monitoring/tasks", { schema: ZTaskCounts, signal }),
    select: (data) => data.items,
    refetchInterval: 60_000,
  });
}

export function usePortalProjects() {
  return useQuery({
    queryKey: execKeys.portalProjects(),
    queryFn: ({ signal }) => apiFetch("/api/v1/portal/projects", { schema: ZPortalProjects, signal }),
    select: (data) => data.items,
  });
}
