import type { TFunction } from "i18next";
import { dynamicKey } from "../../../lib/i18n-keys";
import { ageParts, durationParts } from "./exec-format";

// Keys built from domain enums; exec-locales.test.ts checks each one exists in both languages.
export const sxStatusKey = (status: string) => dynamicKey(`exec.sxStatus.${status}`);
export const pxStatusKey = (status: string) => dynamicKey(`exec.pxStatus.${status}`);
export const sxTypeKey = (type: string) => dynamicKey(`exec.sxType.${type}`);
export const actionKey = (action: string) => dynamicKey(`exec.action.${action}`);
export const cancelReasonKey = (reason: string) => dynamicKey(`exec.cancelReason.${reason}`);
export const documentCategoryKey = (category: string) => dynamicKey(`exec.documentCategory.${category}`);
export const taskKindKey = (kind: string) => dynamicKey(`exec.taskKind.${kind}`);
export const contractStatusKey = (status: string) => dynamicKey(`exec.contractStatus.${status}`);
export const contractChannelKey = (channel: string) => dynamicKey(`exec.contractChannel.${channel}`);
export const noteSourceKey = (source: string) => dynamicKey(`exec.noteSource.${source}`);
export const customerPhaseKey = (phase: string) => dynamicKey(`exec.portal.phase.${phase}`);

/** Tags are derived by the API; one this build does not know yet still shows, as the API spells it. */
export function tagLabel(t: TFunction, tag: string): string {
  return t(dynamicKey(`exec.tag.${tag}`), { defaultValue: tag });
}

/** History events are numbered by the domain catalogue; an event this build does not know shows the API's label. */
export function eventLabel(t: TFunction, event: { name: string; label: string }): string {
  return t(dynamicKey(`exec.event.${event.name}`), { defaultValue: event.label });
}

/** Ticket statuses of linked tasks reuse the desk's wording. */
export function ticketStatusLabel(t: TFunction, status: string): string {
  return t(dynamicKey(`desk.status.${status}`), { defaultValue: status });
}

/** "2 h 30 min", "2 h" or "45 min" in the UI language. */
export function durationLabel(t: TFunction, totalMinutes: number): string {
  const { hours, minutes } = durationParts(totalMinutes);
  if (hours === 0) return t("exec.duration.minutes", { minutes });
  if (minutes === 0) return t("exec.duration.hours", { hours });
  return t("exec.duration.hoursMinutes", { hours, minutes });
}

/** "5 h" under two days, "3 days" from then on. */
export function ageLabel(t: TFunction, ageHours: number): string {
  const { unit, value } = ageParts(ageHours);
  return unit === "hours" ? t("exec.age.hours", { count: value }) : t("exec.age.days", { count: value });
}

/** Alerts the API words in English; the known ones are translated (the duplicate-visit block per audience). */
export function alertText(t: TFunction, alert: { code: string; message: string }, operator: boolean): string {
  const key =
    alert.code === "seller_blocked_duplicate_technical_visits"
      ? `exec.alert.${alert.code}.${operator ? "operator" : "seller"}`
      : `exec.alert.${alert.code}`;
  return t(dynamicKey(key), { defaultValue: alert.message });
}
