import type { TTicketListQuery } from "@atende/contracts";
import type { SlaReportParams } from "../lib/report-params";

/** The list query as sent, without paging: the same filters always share one cache entry. */
export type TicketListParams = Omit<TTicketListQuery, "limit" | "cursor">;

// Messages, events and the survey sit under their ticket's detail key, so one invalidation refreshes a whole ticket.
export const ticketKeys = {
  all: ["tickets"] as const,
  lists: () => [...ticketKeys.all, "list"] as const,
  list: (params: TicketListParams) => [...ticketKeys.lists(), params] as const,
  details: () => [...ticketKeys.all, "detail"] as const,
  detail: (id: string) => [...ticketKeys.details(), id] as const,
  messages: (id: string) => [...ticketKeys.detail(id), "messages"] as const,
  events: (id: string) => [...ticketKeys.detail(id), "events"] as const,
  survey: (id: string) => [...ticketKeys.detail(id), "survey"] as const,
};

export const deskKeys = {
  all: ["desk"] as const,
  priorities: () => [...deskKeys.all, "priorities"] as const,
  replyTemplates: () => [...deskKeys.all, "reply-templates"] as const,
  slaReport: (params: SlaReportParams) => [...deskKeys.all, "sla-report", params] as const,
};
