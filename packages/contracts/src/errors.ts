import { z } from "zod";

/** Every error code the API can answer with. The HTTP status of each lives in the API's error plugin. */
export const ERROR_CODES = {
  /** A field or parameter failed validation; `errors` names each one. */
  VALIDATION_FAILED: "VALIDATION_FAILED",
  /** The body is not well-formed JSON. */
  MALFORMED_BODY: "MALFORMED_BODY",
  /** No valid session or API token accompanied the request. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** Email and password do not match an active account. */
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  /** Too many failed sign-ins: the account is locked for a while. */
  ACCOUNT_LOCKED: "ACCOUNT_LOCKED",
  /** The signed-in user lacks the permission this action needs. */
  FORBIDDEN: "FORBIDDEN",
  /** A cookie-authenticated mutation came without the matching X-CSRF-Token header. */
  CSRF_FAILED: "CSRF_FAILED",
  /** The resource does not exist for this tenant (another tenant's resources are also reported this way). */
  NOT_FOUND: "NOT_FOUND",
  /** The write was based on an outdated version of the resource. */
  STALE_VERSION: "STALE_VERSION",
  /** The write conflicts with existing data (a duplicate code or email). */
  CONFLICT: "CONFLICT",
  /** The Idempotency-Key was already used with a different request. */
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  /** A business rule refuses the action; `detail` names the rule. */
  RULE_VIOLATION: "RULE_VIOLATION",
  /** The body exceeds the size limit. */
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  /** The Content-Type is not one this route accepts. */
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  /** Too many requests in a short time. */
  RATE_LIMITED: "RATE_LIMITED",
  /** The method is not allowed or the route does not exist. */
  ROUTE_NOT_FOUND: "ROUTE_NOT_FOUND",
  /** A dependency (database, Redis) is not ready. */
  NOT_READY: "NOT_READY",
  /** An unexpected failure; the request id identifies it in the logs. */
  INTERNAL: "INTERNAL",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ZFieldError = z.object({ path: z.string(), message: z.string() });
export type TFieldError = z.infer<typeof ZFieldError>;

/** RFC 9457 problem details as every error response carries them. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  errors: z.array(ZFieldError).optional(),
  requestId: z.string().optional(),
});
export type TProblem = z.infer<typeof ZProblem>;
