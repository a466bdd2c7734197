import type { z } from "zod";
import { ZProblem } from "@atende/contracts";
import { ApiError, getCsrfToken } from "../../../lib/api-client";

/**
 * A multipart upload (apiFetch sends JSON only): each file as a `file` part. Failures become the same ApiError as
 * any call, so a 415 shows the server's own detail.
 */
export async function apiUpload<S extends z.ZodType>(
  path: string,
  files: readonly File[],
  schema: S,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const form = new FormData();
  for (const file of files) form.append("file", file, file.name);
  const headers: Record<string, string> = { accept: "application/json" };
  const csrf = getCsrfToken();
  if (csrf) headers["x-csrf-token"] = csrf;

  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers, body: form, credentials: "same-origin", signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "NETWORK", detail: error instanceof Error ? error.message : String(error) });
  }
  const text = await response.text();
  const payload = parseJson(text);
  if (!response.ok) {
    const problem = ZProblem.partial().safeParse(payload);
    const data = problem.success ? problem.data : {};
    throw new ApiError({
      status: data.status ?? response.status,
      code: data.code ?? "INTERNAL",
      detail: data.detail ?? (response.statusText || `HTTP ${response.status}`),
      errors: data.errors ?? [],
    });
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: "UNEXPECTED_RESPONSE",
      detail: `unexpected response from POST ${path}: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    });
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
