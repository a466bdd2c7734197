import { useQuery } from "@tanstack/react-query";
import { pageOf, ZGroup } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { groupKeys, type GroupFilters } from "./keys";

const ZGroupPage = pageOf(ZGroup);

export function useGroupList(filters: GroupFilters) {
  return usePagedList({
    queryKey: groupKeys.list(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/groups", { schema: ZGroupPage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

/** Groups by id, to name a user's groups. */
export function useGroupOptions(enabled = true) {
  return useQuery({
    queryKey: groupKeys.options(),
    queryFn: ({ signal }) => apiFetch("/api/v1/groups", { schema: ZGroupPage, query: { limit: 200 }, signal }),
    select: (page) => page.items,
    staleTime: 60_000,
    enabled,
  });
}
