import { useQuery } from "@tanstack/react-query";
import { pageOf, ZStore } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { storeKeys, type StoreFilters } from "./keys";

const ZStorePage = pageOf(ZStore);

export function useStoreList(filters: StoreFilters) {
  return usePagedList({
    queryKey: storeKeys.list(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/stores", { schema: ZStorePage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

/** Stores for pickers, of one BU or of all (the API's largest page). */
export function useStoreOptions(buId: string | null, enabled = true) {
  return useQuery({
    queryKey: storeKeys.options(buId),
    queryFn: ({ signal }) => apiFetch("/api/v1/stores", { schema: ZStorePage, query: { buId, limit: 200 }, signal }),
    select: (page) => page.items,
    staleTime: 60_000,
    enabled,
  });
}
