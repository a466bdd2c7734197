import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ZSigningView, type TSigningView } from "@atende/contracts";
import { apiFetch, isApiError } from "../../../lib/api-client";
import { execKeys, type SigningSource } from "./keys";

/** The three endpoints of a signing source; the portal's need the session, the public ones only the token. */
export function signingPaths(source: SigningSource): { view: string; pdf: string; sign: string } {
  const base =
    source.kind === "portal"
      ? `/api/v1/portal/jobs/${source.jobId}/contract`
      : `/api/v1/public/contracts/${encodeURIComponent(source.token)}`;
  return { view: base, pdf: `${base}/pdf`, sign: `${base}/sign` };
}

export function useSigningView(source: SigningSource) {
  return useQuery({
    queryKey: execKeys.signing(source),
    queryFn: ({ signal }) => apiFetch(signingPaths(source).view, { schema: ZSigningView, signal }),
    // A dead link stays dead: retrying a 404 or 409 only delays the message.
    retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
  });
}

export type SignInput = { signerName: string; consent: true };

export function useSignContract(source: SigningSource) {
  const client = useQueryClient();
  return useMutation({
    // The answer's shape is the API's concern: the view is reloaded after a signature either way.
    mutationFn: (body: SignInput) => apiFetch(signingPaths(source).sign, { method: "POST", body, schema: z.unknown() }),
    onSuccess: (answer) => {
      const view = ZSigningView.safeParse(answer);
      if (view.success) client.setQueryData<TSigningView>(execKeys.signing(source), view.data);
      else void client.invalidateQueries({ queryKey: execKeys.signing(source) });
      if (source.kind === "portal") void client.invalidateQueries({ queryKey: execKeys.portalProjects() });
    },
  });
}
