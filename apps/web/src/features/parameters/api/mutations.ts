import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZBuParameterSet, type TUpdateBuParametersRequest } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { parameterKeys } from "./keys";

export function useSaveBuParameters(buId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateBuParametersRequest) =>
      apiFetch(`/api/v1/business-units/${buId}/parameters`, { method: "PUT", body, schema: ZBuParameterSet }),
    onSuccess: (saved) => {
      client.setQueryData(parameterKeys.current(buId), saved);
      return client.invalidateQueries({ queryKey: parameterKeys.history(buId) });
    },
  });
}
