import { useQuery } from "@tanstack/react-query";
import { pageOf, ZUser } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { userKeys, type UserFilters } from "./keys";

const ZUserPage = pageOf(ZUser);

export function useUserList(filters: UserFilters) {
  return usePagedList({
    queryKey: userKeys.list(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/users", { schema: ZUserPage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

/** Users for pickers (group members, audit actor), the API's largest page. */
export function useUserOptions(enabled = true) {
  return useQuery({
    queryKey: userKeys.options(),
    queryFn: ({ signal }) =>
      apiFetch("/api/v1/users", { schema: ZUserPage, query: { limit: 200, sort: "name" }, signal }),
    select: (page) => page.items,
    staleTime: 60_000,
    enabled,
  });
}
