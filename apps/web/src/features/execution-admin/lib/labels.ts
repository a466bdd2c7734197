import { dynamicKey } from "../../../lib/i18n-keys";

export const sxTypeKey = (type: string) => dynamicKey(`execAdmin.sxTypes.${type}`);
/** Event names carry dots, which i18next reads as nesting: the keys use '_' instead. */
export const webhookEventKey = (event: string) => dynamicKey(`execAdmin.webhooks.events.${event.replace(/\./g, "_")}`);
