import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ZCreatedApiToken, type TCreateApiTokenRequest } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { apiTokenKeys } from "./keys";

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateApiTokenRequest) =>
      apiFetch("/api/v1/api-tokens", { method: "POST", body, schema: ZCreatedApiToken }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    // The list is reloaded afterwards, so whatever the revoke answers with is not needed.
    mutationFn: (id: string) => apiFetch(`/api/v1/api-tokens/${id}/revoke`, { method: "POST", schema: z.unknown() }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}
