import { useQuery } from "@tanstack/react-query";
import { ZBuParameterHistory, ZBuParameterSet } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { parameterKeys } from "./keys";

export function useBuParameters(buId: string | null) {
  return useQuery({
    queryKey: parameterKeys.current(buId ?? ""),
    queryFn: ({ signal }) => apiFetch(`/api/v1/business-units/${buId}/parameters`, { schema: ZBuParameterSet, signal }),
    enabled: buId !== null,
    staleTime: 0,
  });
}

export function useBuParameterHistory(buId: string | null) {
  return useQuery({
    queryKey: parameterKeys.history(buId ?? ""),
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/business-units/${buId}/parameters/history`, { schema: ZBuParameterHistory, signal }),
    enabled: buId !== null,
    select: (history) => history.items,
  });
}
