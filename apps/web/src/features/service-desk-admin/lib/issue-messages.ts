import type { TFunction } from "i18next";
import type { FieldErrors } from "../../../lib/field-errors";
import { formCustomMessages, issuesToMessages, type CustomMessages, type Issue } from "../../../lib/issue-message";

/** Words for the refinements of the service-desk schemas, which carry no structured detail. */
export const sdCustomMessages: CustomMessages = (path, t) => {
  const [first, second] = path;
  const last = path[path.length - 1];
  if (first === "escalation" && last === "actions") return t("sdAdmin.validation.reassignNeedsTarget");
  if (first === "escalation") return t("sdAdmin.validation.levelsUnique");
  if (first === "channelRules") return t("sdAdmin.validation.rulePriority");
  if (first === "definition" && second === "hours")
    return path.length <= 3 ? t("sdAdmin.validation.openSomeDay") : t("sdAdmin.validation.interval");
  if (first === "definition" && second === "holidays") return t("sdAdmin.validation.holiday");
  if (first === "steps" && last === "templateCode") return t("sdAdmin.validation.templateCode");
  if (first === "endsAt") return t("sdAdmin.validation.endAfterStart");
  if (first === "reason") return t("sdAdmin.validation.reasonRequired");
  if (first === "targets") return t("sdAdmin.validation.noTarget");
  return formCustomMessages(path, t);
};

/** `first` words a form's own fields ahead of the shared wording. */
export function sdIssuesToMessages(
  issues: readonly Issue[],
  t: TFunction,
  language: string,
  first?: CustomMessages,
): FieldErrors {
  return issuesToMessages(issues, t, language, (path, tf) => first?.(path, tf) ?? sdCustomMessages(path, tf));
}

/** Template codes may also hold dots (sla.channel.whatsapp_tiers_1_2_only). */
export const templateCodeMessages: CustomMessages = (path, t) =>
  path[path.length - 1] === "code" ||
  path[path.length - 1] === "templateCode" ||
  path[path.length - 1] === "autoReplyTemplate"
    ? t("sdAdmin.validation.templateCode")
    : undefined;
