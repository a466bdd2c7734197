import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  ZBulkTicketResponse,
  ZSurvey,
  ZTicketDetail,
  ZTicketMessage,
  type TAssignTicketRequest,
  type TClassifyTicketRequest,
  type TCreateTicketMessageRequest,
  type TCreateTicketRequest,
  type TTicketActionRequest,
  type TTicketDetail,
} from "@atende/contracts";
import { apiFetch, isApiError, type HttpMethod } from "../../../lib/api-client";
import { ticketKeys } from "./keys";

export type BulkTicketRequest = {
  ids: string[];
  assign?: { groupId: string | null; assigneeId: string | null };
  action?: "acknowledge" | "start";
};

export function useCreateTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateTicketRequest) =>
      apiFetch("/api/v1/tickets", { method: "POST", body, schema: ZTicketDetail }),
    onSuccess: (ticket) => {
      client.setQueryData(ticketKeys.detail(ticket.id), ticket);
      return client.invalidateQueries({ queryKey: ticketKeys.lists() });
    },
  });
}

/**
 * A versioned change to one ticket. The answer is the new detail; on a stale version the cached ticket is refetched
 * so the next attempt carries the current version.
 */
function useTicketChange<B>(id: string, method: HttpMethod, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiFetch(`/api/v1/tickets/${id}${path}`, { method, body, schema: ZTicketDetail }),
    onSuccess: (ticket: TTicketDetail) => {
      client.setQueryData(ticketKeys.detail(id), ticket);
      return Promise.all([
        client.invalidateQueries({ queryKey: ticketKeys.lists() }),
        client.invalidateQueries({ queryKey: ticketKeys.events(id) }),
        client.invalidateQueries({ queryKey: ticketKeys.survey(id) }),
      ]);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409)
        return client.invalidateQueries({ queryKey: ticketKeys.detail(id) });
    },
  });
}

export const useTicketAction = (id: string) => useTicketChange<TTicketActionRequest>(id, "POST", "/actions");
export const useClassifyTicket = (id: string) => useTicketChange<TClassifyTicketRequest>(id, "PUT", "/classification");
export const useAssignTicket = (id: string) => useTicketChange<TAssignTicketRequest>(id, "PUT", "/assignment");
export const useSetTicketTags = (id: string) =>
  useTicketChange<{ tags: string[]; version: number }>(id, "PUT", "/tags");

export function usePostMessage(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateTicketMessageRequest) =>
      apiFetch(`/api/v1/tickets/${id}/messages`, { method: "POST", body, schema: ZTicketMessage }),
    // A public reply can be the first response (a clock stops) and a customer's reply can resume the ticket.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ticketKeys.detail(id) }),
        client.invalidateQueries({ queryKey: ticketKeys.lists() }),
      ]),
  });
}

export function useBulkUpdateTickets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkTicketRequest) =>
      apiFetch("/api/v1/tickets/bulk", { method: "POST", body, schema: ZBulkTicketResponse }),
    onSettled: () => client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}

export function useAnswerSurvey(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { score: number; comment?: string }) =>
      apiFetch(`/api/v1/tickets/${id}/survey`, { method: "POST", body, schema: ZSurvey }),
    onSuccess: (survey) => client.setQueryData(ticketKeys.survey(id), survey),
  });
}
