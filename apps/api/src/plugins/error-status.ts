import type { ErrorCode } from "@atende/contracts";

/** The single code -> HTTP status table. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  STALE_VERSION: 409,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RULE_VIOLATION: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  NOT_READY: 503,
  INTERNAL: 500,
};

export const ERROR_TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: "Invalid request",
  MALFORMED_BODY: "Malformed body",
  UNAUTHENTICATED: "Sign-in required",
  INVALID_CREDENTIALS: "Invalid credentials",
  ACCOUNT_LOCKED: "Account locked",
  FORBIDDEN: "Not allowed",
  CSRF_FAILED: "CSRF check failed",
  NOT_FOUND: "Not found",
  ROUTE_NOT_FOUND: "No such route",
  STALE_VERSION: "Stale version",
  CONFLICT: "Conflict",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key reused",
  RULE_VIOLATION: "Business rule violated",
  PAYLOAD_TOO_LARGE: "Payload too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  RATE_LIMITED: "Too many requests",
  NOT_READY: "Not ready",
  INTERNAL: "Internal error",
};
