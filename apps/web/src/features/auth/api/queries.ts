import { queryOptions, useQuery } from "@tanstack/react-query";
import { ZMe, type TMe } from "@atende/contracts";
import { apiFetch, isApiError, setCsrfToken } from "../../../lib/api-client";
import { authKeys } from "./keys";

/** The signed-in user, or null when there is no session (the API answers 401). */
export async function fetchMe(signal?: AbortSignal): Promise<TMe | null> {
  try {
    const me = await apiFetch("/api/v1/me", { schema: ZMe, signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: authKeys.me(), queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}
