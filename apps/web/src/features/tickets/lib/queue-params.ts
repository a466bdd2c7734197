import { z } from "zod";
import { TICKET_VIEWS, type TTicketListQuery } from "@atende/contracts";
import { TICKET_STATUSES, TICKET_TYPES } from "@atende/domain";
import type { UrlFilters } from "../../../lib/url-filters";
import type { TicketListParams } from "../api/keys";

export const QUEUE_FILTER_KEYS = ["view", "groupId", "priority", "type", "status", "q", "sort"] as const;
export type QueueFilters = UrlFilters<(typeof QUEUE_FILTER_KEYS)[number]>;

export const QUEUE_VIEWS = [
  "open",
  "mine",
  "unassigned",
  "due_soon",
  "breached",
  "pending",
  "all",
] as const satisfies readonly (typeof TICKET_VIEWS)[number][];
export const QUEUE_SORTS = [
  "nextDueAt",
  "-createdAt",
  "-number",
] as const satisfies readonly TTicketListQuery["sort"][];

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined =>
  (values as readonly string[]).includes(value) ? (value as T) : undefined;

const ZGroupId = z.uuid();

/**
 * URL filters -> the API's list query. A hand-edited URL with a value the API would refuse falls back to the
 * default rather than showing an error page for a bookmark.
 */
export function toListParams(filters: QueueFilters): TicketListParams {
  const q = filters.q.trim().slice(0, 200);
  const priority = filters.priority.trim();
  return {
    view: oneOf(TICKET_VIEWS, filters.view) ?? "open",
    sort: oneOf(QUEUE_SORTS, filters.sort) ?? "nextDueAt",
    groupId: ZGroupId.safeParse(filters.groupId).success ? filters.groupId : undefined,
    priority: priority && priority.length <= 40 ? priority : undefined,
    type: oneOf(TICKET_TYPES, filters.type),
    status: oneOf(TICKET_STATUSES, filters.status),
    q: q || undefined,
  };
}

/** Whether anything narrows the view beyond its tab, so an empty list can suggest clearing filters. */
export function hasNarrowingFilters(params: TicketListParams): boolean {
  return Boolean(params.groupId || params.priority || params.type || params.status || params.q);
}
