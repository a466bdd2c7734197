import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { isApiError } from "../../../lib/api-client";

/**
 * A failed change on the ticket page. A stale version means someone else changed the ticket first: the page has
 * already refetched it, so the user only needs to look again and repeat the change.
 */
export function notifyTicketError(error: unknown, t: TFunction): void {
  const stale = isApiError(error) && error.code === "STALE_VERSION";
  notifications.show({
    color: stale ? "orange" : "red",
    title: stale ? t("errors.staleTitle") : t("errors.saveFailed"),
    message: stale ? t("desk.ticket.staleReloaded") : isApiError(error) ? error.detail : t("errors.unknown"),
    autoClose: stale ? 8000 : 6000,
  });
}
