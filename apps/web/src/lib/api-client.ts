import type { z } from "zod";
import { ZProblem, type TFieldError, type TProblem } from "@atende/contracts";

/** A failed API call: the problem document the server answered with, or one synthesised for network failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: TFieldError[];
  /** Seconds from the Retry-After header (rate limits, locked accounts), when present. */
  readonly retryAfterSeconds: number | null;

  constructor(
    problem: Pick<TProblem, "status" | "detail"> & { code: string; errors?: TFieldError[] },
    retryAfter: number | null = null,
  ) {
    super(problem.detail);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.retryAfterSeconds = retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The session cookie is httpOnly; the CSRF token lives only in memory and is refreshed from /me or login.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiFetchOptions<S extends z.ZodType> = {
  method?: HttpMethod;
  body?: unknown;
  schema: S;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

/** Builds `path?query`, leaving out empty values so URLs stay clean and match the server's optional filters. */
export function withQuery(path: string, query?: Record<string, string | number | boolean | null | undefined>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function retryAfterOf(response: Response): number | null {
  const header = response.headers.get("retry-after");
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds : null;
}

async function problemOf(response: Response): Promise<ApiError> {
  const retryAfter = retryAfterOf(response);
  const payload = await response.json().catch(() => null);
  const parsed = ZProblem.partial().safeParse(payload);
  const problem = parsed.success ? parsed.data : {};
  return new ApiError(
    {
      status: problem.status ?? response.status,
      code: problem.code ?? "INTERNAL",
      detail: problem.detail ?? (response.statusText || `HTTP ${response.status}`),
      errors: problem.errors ?? [],
    },
    retryAfter,
  );
}

/** An empty body (204, or a POST that answers nothing) is `undefined`; non-JSON text is kept as text. */
function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Calls the API on the same origin and parses the JSON answer with the contract schema. */
export async function apiFetch<S extends z.ZodType>(path: string, options: ApiFetchOptions<S>): Promise<z.output<S>> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "NETWORK", detail: error instanceof Error ? error.message : String(error) });
  }

  if (!response.ok) throw await problemOf(response);
  const payload = parseBody(await response.text());
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: "UNEXPECTED_RESPONSE",
      detail: `unexpected response from ${method} ${path}: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    });
  }
  return parsed.data;
}
