import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  ZJob,
  ZJobDocument,
  ZJobNote,
  ZSendContractResult,
  type TJob,
  type TJobDocument,
  type ZCancelJobBody,
  type ZChangeAddressBody,
  type ZChangeContactBody,
  type ZConfirmPaperBody,
  type ZJobNoteInput,
  type ZModifyDurationBody,
  type ZRescheduleBody,
  type ZSendContractBody,
  type ZSkipContractBody,
} from "@atende/contracts";
import { apiFetch, isApiError } from "../../../lib/api-client";
import { jobApi } from "../lib/paths";
import { execKeys } from "./keys";
import { apiUpload } from "./upload";

const ZDocuments = z.object({ items: z.array(ZJobDocument) });

/** After any change to a job: its history, its project and the lists that show it may all have moved. */
function refreshAround(client: QueryClient, jobId: string, projectId?: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: execKeys.history(jobId) }),
    client.invalidateQueries({ queryKey: execKeys.documents(jobId) }),
    client.invalidateQueries({ queryKey: execKeys.projectLists() }),
    client.invalidateQueries({ queryKey: execKeys.monitoring() }),
    projectId ? client.invalidateQueries({ queryKey: execKeys.project(projectId) }) : Promise.resolve(),
  ]);
}

/** A stale version means someone else changed the job first: refetch so the next attempt carries the current one. */
function onStale(client: QueryClient, jobId: string) {
  return (error: unknown) => {
    if (isApiError(error) && error.status === 409) void client.invalidateQueries({ queryKey: execKeys.job(jobId) });
  };
}

/** A versioned command on a job whose answer is the updated job. */
function useJobCommand<B>(jobId: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiFetch(`${jobApi(jobId)}/${path}`, { method: "POST", body, schema: ZJob }),
    onSuccess: (job: TJob) => {
      client.setQueryData(execKeys.job(jobId), job);
      return refreshAround(client, jobId, job.projectId);
    },
    onError: onStale(client, jobId),
  });
}

export const useReschedule = (jobId: string) => useJobCommand<z.input<typeof ZRescheduleBody>>(jobId, "reschedule");
export const useChangeAddress = (jobId: string) =>
  useJobCommand<z.input<typeof ZChangeAddressBody>>(jobId, "change-address");
export const useChangeContact = (jobId: string) =>
  useJobCommand<z.input<typeof ZChangeContactBody>>(jobId, "change-contact");
export const useModifyDuration = (jobId: string) =>
  useJobCommand<z.input<typeof ZModifyDurationBody>>(jobId, "modify-duration");
export const useCancelJob = (jobId: string) => useJobCommand<z.input<typeof ZCancelJobBody>>(jobId, "cancel");

/**
 * A contract command whose answer is not the job (or may not be): the job is refetched, and kept at once when the
 * answer happens to be one.
 */
function useContractCommand<B>(jobId: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      apiFetch(`${jobApi(jobId)}/contract/${path}`, { method: "POST", body, schema: z.unknown() }),
    onSuccess: (answer) => {
      const job = ZJob.safeParse(answer);
      if (job.success) client.setQueryData(execKeys.job(jobId), job.data);
      return Promise.all([
        client.invalidateQueries({ queryKey: execKeys.job(jobId) }),
        refreshAround(client, jobId, job.success ? job.data.projectId : undefined),
      ]);
    },
    onError: onStale(client, jobId),
  });
}

export const useConfirmPaper = (jobId: string) =>
  useContractCommand<z.input<typeof ZConfirmPaperBody>>(jobId, "confirm-paper");
export const useSkipContract = (jobId: string) => useContractCommand<z.input<typeof ZSkipContractBody>>(jobId, "skip");

export function useSendContract(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZSendContractBody>) =>
      apiFetch(`${jobApi(jobId)}/contract/send`, { method: "POST", body, schema: ZSendContractResult }),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: execKeys.job(jobId) }), refreshAround(client, jobId)]),
  });
}

export function useUploadSignedScan(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiUpload(`${jobApi(jobId)}/contract/signed-scan`, [file], z.unknown()),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: execKeys.job(jobId) }), refreshAround(client, jobId)]),
  });
}

export function useAddNote(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZJobNoteInput>) =>
      apiFetch(`${jobApi(jobId)}/notes`, { method: "POST", body, schema: ZJobNote }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: execKeys.notes(jobId) }),
        client.invalidateQueries({ queryKey: execKeys.history(jobId) }),
      ]),
  });
}

/** One upload request; the documents tab sends one per file so a refused type fails alone. */
export function useUploadDocuments(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ files, category }: { files: File[]; category: TJobDocument["category"] }) =>
      apiUpload(`${jobApi(jobId)}/documents?category=${encodeURIComponent(category)}`, files, ZDocuments),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: execKeys.documents(jobId) }),
        client.invalidateQueries({ queryKey: execKeys.history(jobId) }),
      ]),
  });
}
