import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import {
  pageOf,
  ZPriorityList,
  ZReplyTemplate,
  ZSurvey,
  ZTicket,
  ZTicketDetail,
  ZTicketEvent,
  ZTicketMessage,
} from "@atende/contracts";
import { DEFAULT_PRIORITIES } from "@atende/domain";
import { apiFetch, isApiError } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { deskKeys, ticketKeys, type TicketListParams } from "./keys";

const ZTicketPage = pageOf(ZTicket);
const ZMessages = z.object({ items: z.array(ZTicketMessage) });
const ZEvents = z.object({ items: z.array(ZTicketEvent) });
const ZTemplatePage = pageOf(ZReplyTemplate);

export function useTicketList(params: TicketListParams) {
  return usePagedList({
    queryKey: ticketKeys.list(params),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/tickets", { schema: ZTicketPage, query: { ...params, cursor, limit: 50 }, signal }),
  });
}

export function useTicket(id: string) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(`/api/v1/tickets/${id}`, { schema: ZTicketDetail, signal }),
  });
}

export function useTicketMessages(id: string) {
  return useQuery({
    queryKey: ticketKeys.messages(id),
    queryFn: ({ signal }) => apiFetch(`/api/v1/tickets/${id}/messages`, { schema: ZMessages, signal }),
    select: (data) => data.items,
  });
}

export function useTicketEvents(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ticketKeys.events(id),
    queryFn: ({ signal }) => apiFetch(`/api/v1/tickets/${id}/events`, { schema: ZEvents, signal }),
    select: (data) => data.items,
    enabled,
  });
}

/** The survey sent on resolution, or null while none was sent (the API answers 404). */
export function useTicketSurvey(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ticketKeys.survey(id),
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch(`/api/v1/tickets/${id}/survey`, { schema: ZSurvey, signal });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

export type PriorityOption = { code: string; rank: number; description?: { en: string; es: string } | undefined };

/**
 * The tenant's priority levels. Customers may not read the configuration (bu.read), so they get the defaults, which
 * are also what the API applies until a tenant saves its own.
 */
export function usePriorityOptions(canRead: boolean) {
  const query = useQuery({
    queryKey: deskKeys.priorities(),
    queryFn: ({ signal }) => apiFetch("/api/v1/priorities", { schema: ZPriorityList, signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled: canRead,
  });
  const items: readonly PriorityOption[] = canRead ? (query.data ?? []) : DEFAULT_PRIORITIES;
  return {
    items: [...items].sort((a, b) => a.rank - b.rank),
    isLoading: canRead && query.isPending,
    error: query.error,
  };
}

export function useReplyTemplates(enabled: boolean) {
  return useQuery({
    queryKey: deskKeys.replyTemplates(),
    queryFn: ({ signal }) =>
      apiFetch("/api/v1/reply-templates", { schema: ZTemplatePage, query: { limit: 200 }, signal }),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}
