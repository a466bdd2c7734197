import type { ErrorCode, TFieldError } from "@atende/contracts";

/** The one error type services and plugins throw; the error plugin turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: TFieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, opts: { detail: string; fields?: TFieldError[]; headers?: Record<string, string> }) {
    super(opts.detail);
    this.code = code;
    this.fields = opts.fields;
    this.headers = opts.headers;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", { detail: `${what} not found` });
export const staleVersion = (what: string) =>
  new AppError("STALE_VERSION", { detail: `${what} was changed by someone else: reload and try again` });
