import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZUser, type TCreateUserRequest, type TUpdateUserRequest } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { userKeys } from "./keys";

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateUserRequest) => apiFetch("/api/v1/users", { method: "POST", body, schema: ZUser }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Every user edit (profile, roles, password reset, unlock) is a PATCH carrying the version it was based on. */
export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateUserRequest) => apiFetch(`/api/v1/users/${id}`, { method: "PATCH", body, schema: ZUser }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}
