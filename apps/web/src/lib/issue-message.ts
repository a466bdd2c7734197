import type { TFunction } from "i18next";
import type { z } from "zod";
import type { FieldErrors } from "./field-errors";

export type Issue = z.core.$ZodIssue;
/** Messages for refinements, which carry no structured detail: by field path. */
export type CustomMessages = (path: string[], t: TFunction) => string | undefined;

/**
 * A validation message in the UI language. Schemas (contracts, domain) word their own messages in English, and the
 * English UI shows those as they are; every other language builds its message from the issue's structure. zod's own
 * wording for a missing choice or an empty required field is replaced in every language.
 */
export function issueMessage(issue: Issue, t: TFunction, language: string, custom?: CustomMessages): string {
  if (issue.code === "invalid_value") return t("validation.choice");
  if (issue.code === "invalid_format" && issue.format === "uuid") return t("validation.choice");
  if (issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1)
    return t("validation.required");
  if (language === "en") return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? t("validation.wholeNumber") : t("validation.invalidType");
    case "too_small":
      if (issue.origin === "array") return t("validation.minItems", { count: Number(issue.minimum) });
      if (issue.origin === "string") return t("validation.minLength", { count: Number(issue.minimum) });
      return t("validation.min", { min: String(issue.minimum) });
    case "too_big":
      if (issue.origin === "array") return t("validation.maxItems", { count: Number(issue.maximum) });
      if (issue.origin === "string") return t("validation.maxLength", { count: Number(issue.maximum) });
      return t("validation.max", { max: String(issue.maximum) });
    case "invalid_format":
      return issue.format === "email"
        ? t("validation.email")
        : (custom?.(issue.path.map(String), t) ?? t("validation.format"));
    case "unrecognized_keys":
      return t("validation.unknownKeys", { keys: issue.keys.join(", ") });
    case "custom":
      return custom?.(issue.path.map(String), t) ?? t("validation.invalidType");
    default:
      return issue.message;
  }
}

export function issuesToMessages(
  issues: readonly Issue[],
  t: TFunction,
  language: string,
  custom?: CustomMessages,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = issueMessage(issue, t, language, custom);
  }
  return errors;
}

/** Refinements of the request schemas shared by several forms. */
export const formCustomMessages: CustomMessages = (path, t) => {
  const last = path[path.length - 1];
  if (path[0] === "roles" && last === "buId") return t("validation.storeNeedsBu");
  if (path[0] === "password" || last === "password") return t("validation.password");
  if (last === "code") return t("validation.code");
  if (last === "country") return t("validation.country");
  if (last === "currency") return t("validation.currency");
  if (last === "timezone") return t("validation.timezone");
  return undefined;
};
