import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-client";

/** 4xx answers will not change on retry; network failures and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

function isSessionLost(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.code !== "INVALID_CREDENTIALS";
}

/** `onSessionLost` runs when any query or mutation answers 401: the session expired or was revoked. */
export function createQueryClient(onSessionLost: (client: QueryClient) => void): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => isSessionLost(error) && onSessionLost(client) }),
    mutationCache: new MutationCache({ onError: (error) => isSessionLost(error) && onSessionLost(client) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
