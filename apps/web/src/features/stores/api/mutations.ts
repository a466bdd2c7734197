import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZStore, type TCreateStoreRequest, type TUpdateStoreRequest } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { storeKeys } from "./keys";

export function useCreateStore() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateStoreRequest) => apiFetch("/api/v1/stores", { method: "POST", body, schema: ZStore }),
    onSuccess: () => client.invalidateQueries({ queryKey: storeKeys.all }),
  });
}

export function useUpdateStore(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateStoreRequest) =>
      apiFetch(`/api/v1/stores/${id}`, { method: "PATCH", body, schema: ZStore }),
    onSuccess: () => client.invalidateQueries({ queryKey: storeKeys.all }),
  });
}
