import type { TFunction } from "i18next";
import { issuesToMessages as translateIssues, type CustomMessages, type Issue } from "../../../lib/issue-message";
import type { FieldErrors } from "../../../lib/field-errors";

const parameterMessages: CustomMessages = (path, t) => {
  const [field, part] = path;
  if (field === "contractSendWindow" && part === "to") return t("validation.windowOrder");
  if (field === "contractSendWindow" && part === "days") return t("validation.duplicateDays");
  if (field === "contractSendWindow") return t("validation.time");
  if (field === "lateCheckoutAlertHours") return t("validation.ascending");
  return undefined;
};

export function issuesToMessages(issues: readonly Issue[], t: TFunction, language: string): FieldErrors {
  return translateIssues(issues, t, language, parameterMessages);
}
