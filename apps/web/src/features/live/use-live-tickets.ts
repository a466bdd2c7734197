import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { ticketKeys } from "../tickets/api/keys";
import { liveStatus, subscribeLive, subscribeLiveStatus, type LiveStatus } from "./live-connection";

/**
 * Keeps ticket screens current: every change notice refetches the lists on screen and the changed ticket (its
 * messages and history too). Notices carry ids only; what the user may see is decided again by the API.
 */
export function useLiveTickets(): LiveStatus {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribeLive((event) => {
        void client.invalidateQueries({ queryKey: ticketKeys.lists() });
        void client.invalidateQueries({
          queryKey: event.type === "resync" ? ticketKeys.details() : ticketKeys.detail(event.ticketId),
        });
      }),
    [client],
  );
  return useSyncExternalStore(subscribeLiveStatus, liveStatus);
}
