import type { TFunction } from "i18next";
import { dynamicKey } from "../../../lib/i18n-keys";

// Keys built from domain enums; the desk locale test checks each one exists in both languages.
export const statusKey = (status: string) => dynamicKey(`desk.status.${status}`);
export const typeKey = (type: string) => dynamicKey(`desk.type.${type}`);
export const channelKey = (channel: string) => dynamicKey(`desk.channel.${channel}`);
export const actionKey = (action: string) => dynamicKey(`desk.action.${action}`);
export const viewKey = (view: string) => dynamicKey(`desk.view.${view}`);
export const sortKey = (sort: string) => dynamicKey(`desk.sort.${sort}`);
export const pauseReasonKey = (reason: string) => dynamicKey(`desk.pauseReason.${reason}`);
export const resolutionKindKey = (kind: string) => dynamicKey(`desk.resolutionKind.${kind}`);
export const clockKindKey = (kind: string) => dynamicKey(`desk.clockKind.${kind}`);
export const clockStateKey = (state: string) => dynamicKey(`desk.clockState.${state}`);
export const promiseKey = (kind: string) => dynamicKey(`desk.promise.${kind}`);

/** Priority codes are tenant-defined: the default levels are translated, any other code is shown as the tenant wrote it. */
export function priorityLabel(t: TFunction, code: string): string {
  return t(dynamicKey(`desk.priority.${code}`), { defaultValue: code });
}

/** History entries of kinds this build does not know yet still show, by their type. */
export function eventLabel(t: TFunction, type: string): string {
  return t(dynamicKey(`desk.event.${type.replace(/^ticket\./, "").replace(/\./g, "_")}`), { defaultValue: type });
}
