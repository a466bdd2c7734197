import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZGroup, type TCreateGroupRequest, type TUpdateGroupRequest } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { userKeys } from "../../users/api/keys";
import { groupKeys } from "./keys";

function useInvalidateGroups() {
  const client = useQueryClient();
  // Membership shows on users too.
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: groupKeys.all }),
      client.invalidateQueries({ queryKey: userKeys.all }),
    ]);
}

export function useCreateGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: TCreateGroupRequest) => apiFetch("/api/v1/groups", { method: "POST", body, schema: ZGroup }),
    onSuccess: invalidate,
  });
}

export function useUpdateGroup(id: string) {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: TUpdateGroupRequest) =>
      apiFetch(`/api/v1/groups/${id}`, { method: "PATCH", body, schema: ZGroup }),
    onSuccess: invalidate,
  });
}
