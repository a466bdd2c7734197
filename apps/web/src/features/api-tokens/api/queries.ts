import { pageOf, ZApiToken } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { apiTokenKeys, type ApiTokenFilters } from "./keys";

const ZApiTokenPage = pageOf(ZApiToken);

export function useApiTokenList(filters: ApiTokenFilters) {
  return usePagedList({
    queryKey: apiTokenKeys.list(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/api-tokens", {
        schema: ZApiTokenPage,
        // The server coerces any present value to true, so "not revoked" is expressed by leaving it out.
        query: { includeRevoked: filters.includeRevoked ? "true" : undefined, cursor, limit: 50 },
        signal,
      }),
  });
}
