import type { TFunction } from "i18next";
import type { z } from "zod";
import type { FieldErrors } from "../../../lib/field-errors";

type Issue = z.core.$ZodIssue;

/**
 * The domain's messages are English sentences naming the field and its bounds, which the English UI shows as they are.
 * Other languages get a translated message built from the issue itself.
 */
export function issueMessage(issue: Issue, t: TFunction, language: string): string {
  if (language === "en") return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? t("validation.wholeNumber") : t("validation.invalidType");
    case "too_small":
      return issue.origin === "array" ? t("validation.minItems", { count: Number(issue.minimum) }) : t("validation.min", { min: String(issue.minimum) });
    case "too_big":
      return issue.origin === "array" ? t("validation.maxItems", { count: Number(issue.maximum) }) : t("validation.max", { max: String(issue.maximum) });
    case "invalid_format":
      return t("validation.time");
    case "invalid_value":
      return t("validation.choice");
    case "unrecognized_keys":
      return t("validation.unknownKeys", { keys: issue.keys.join(", ") });
    case "custom":
      return customMessage(issue.path.map(String), t);
    default:
      return issue.message;
  }
}

function customMessage(path: string[], t: TFunction): string {
  const [field, part] = path;
  if (field === "contractSendWindow" && part === "to") return t("validation.windowOrder");
  if (field === "contractSendWindow" && part === "days") return t("validation.duplicateDays");
  if (field === "lateCheckoutAlertHours") return t("validation.ascending");
  return t("validation.invalidType");
}

export function issuesToMessages(issues: readonly Issue[], t: TFunction, language: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = issueMessage(issue, t, language);
  }
  return errors;
}
