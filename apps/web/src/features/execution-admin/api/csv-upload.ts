import type { z } from "zod";
import { ZProblem } from "@atende/contracts";
import { ApiError, getCsrfToken, withQuery } from "../../../lib/api-client";

/**
 * The text of a CSV file: UTF-8 when it is valid UTF-8, else Windows-1252, which is how spreadsheets on Windows save
 * "CSV" in Spanish and other western locales (accents would otherwise arrive as replacement characters).
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** POSTs a CSV body (the JSON client sends only JSON) and parses the answer like apiFetch does. */
export async function postCsv<S extends z.ZodType>(
  path: string,
  query: Record<string, string>,
  csv: string,
  schema: S,
): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: "application/json", "content-type": "text/csv; charset=utf-8" };
  const csrf = getCsrfToken();
  if (csrf) headers["x-csrf-token"] = csrf;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { method: "POST", headers, credentials: "same-origin", body: csv });
  } catch (error) {
    throw new ApiError({ status: 0, code: "NETWORK", detail: error instanceof Error ? error.message : String(error) });
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ZProblem.partial().safeParse(payload);
    const problem = parsed.success ? parsed.data : {};
    throw new ApiError({
      status: problem.status ?? response.status,
      code: problem.code ?? "INTERNAL",
      detail: problem.detail ?? (response.statusText || `HTTP ${response.status}`),
      errors: problem.errors ?? [],
    });
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: "UNEXPECTED_RESPONSE",
      detail: `unexpected response from ${path}`,
    });
  }
  return parsed.data;
}
