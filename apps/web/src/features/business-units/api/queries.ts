import { useQuery } from "@tanstack/react-query";
import { pageOf, ZBusinessUnit } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { businessUnitKeys, type BusinessUnitFilters } from "./keys";

const ZBusinessUnitPage = pageOf(ZBusinessUnit);

export function useBusinessUnitList(filters: BusinessUnitFilters) {
  return usePagedList({
    queryKey: businessUnitKeys.list(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/business-units", {
        schema: ZBusinessUnitPage,
        query: { ...filters, cursor, limit: 50 },
        signal,
      }),
  });
}

/** Every BU the user may see, for pickers (the API's largest page). */
export function useBusinessUnitOptions() {
  return useQuery({
    queryKey: businessUnitKeys.options(),
    queryFn: ({ signal }) =>
      apiFetch("/api/v1/business-units", { schema: ZBusinessUnitPage, query: { limit: 200, sort: "code" }, signal }),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}
