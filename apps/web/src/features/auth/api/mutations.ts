import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZLoginResponse, ZOk, type TLoginRequest } from "@atende/contracts";
import { apiFetch, setCsrfToken } from "../../../lib/api-client";
import { authKeys } from "./keys";
import { fetchMe } from "./queries";

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: TLoginRequest) => {
      const { csrfToken } = await apiFetch("/api/v1/auth/login", { method: "POST", body, schema: ZLoginResponse });
      setCsrfToken(csrfToken);
      return fetchMe();
    },
    onSuccess: (me) => {
      // Whatever the previous user loaded must not leak into this session.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      client.setQueryData(authKeys.me(), me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch("/api/v1/auth/logout", { method: "POST", schema: ZOk }),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(authKeys.me(), null);
    },
  });
}
