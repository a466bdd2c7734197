import type { TFunction } from "i18next";
import type { ApiError } from "../../../lib/api-client";
import { formatDateTime } from "../../../lib/format";

/** When a lock ends: from Retry-After, else the ISO instant the detail names. */
export function lockEndsAt(
  error: Pick<ApiError, "retryAfterSeconds" | "detail">,
  now: Date = new Date(),
): string | null {
  if (error.retryAfterSeconds !== null) return new Date(now.getTime() + error.retryAfterSeconds * 1000).toISOString();
  const match = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/.exec(error.detail);
  return match ? match[0] : null;
}

export function signInErrorMessage(error: ApiError, t: TFunction, language: string): string {
  switch (error.code) {
    case "INVALID_CREDENTIALS":
      return t("signIn.errors.invalidCredentials");
    case "ACCOUNT_LOCKED": {
      const until = lockEndsAt(error);
      return until
        ? t("signIn.errors.lockedUntil", { time: formatDateTime(until, language) })
        : t("signIn.errors.locked");
    }
    case "RATE_LIMITED":
      return error.retryAfterSeconds !== null
        ? t("signIn.errors.rateLimitedFor", { seconds: error.retryAfterSeconds })
        : t("signIn.errors.rateLimited");
    default:
      return t("signIn.errors.failed");
  }
}
