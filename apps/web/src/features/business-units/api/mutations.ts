import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZBusinessUnit, type TCreateBusinessUnitRequest, type TUpdateBusinessUnitRequest } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { businessUnitKeys } from "./keys";

export function useCreateBusinessUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateBusinessUnitRequest) =>
      apiFetch("/api/v1/business-units", { method: "POST", body, schema: ZBusinessUnit }),
    onSuccess: () => client.invalidateQueries({ queryKey: businessUnitKeys.all }),
  });
}

export function useUpdateBusinessUnit(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateBusinessUnitRequest) =>
      apiFetch(`/api/v1/business-units/${id}`, { method: "PATCH", body, schema: ZBusinessUnit }),
    onSuccess: () => client.invalidateQueries({ queryKey: businessUnitKeys.all }),
  });
}
