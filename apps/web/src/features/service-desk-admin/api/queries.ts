import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  pageOf,
  ZBusinessCalendar,
  ZCatalogueItem,
  ZHolidayList,
  ZMaintenanceWindow,
  ZNotificationTemplateList,
  ZOutboxItem,
  ZPlaybook,
  ZPriorityList,
  ZReplyTemplate,
  ZServiceSlaPolicy,
  ZSlaMatrix,
  ZSlaPreviewResponse,
  type TSlaPreviewRequest,
} from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { sdAdminKeys } from "./keys";

const ZCalendarPage = pageOf(ZBusinessCalendar);
const ZPolicyPage = pageOf(ZServiceSlaPolicy);
const ZCataloguePage = pageOf(ZCatalogueItem);
const ZReplyTemplatePage = pageOf(ZReplyTemplate);
const ZMaintenancePage = pageOf(ZMaintenanceWindow);
const ZPlaybookPage = pageOf(ZPlaybook);

export function usePriorities() {
  return useQuery({
    queryKey: sdAdminKeys.priorities(),
    queryFn: ({ signal }) => apiFetch("/api/v1/priorities", { schema: ZPriorityList, signal }),
    select: (list) => [...list.items].sort((a, b) => a.rank - b.rank),
    staleTime: 60_000,
  });
}

export function useCalendarList(filters: { q: string; buId: string }) {
  return usePagedList({
    queryKey: sdAdminKeys.calendarList(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/calendars", { schema: ZCalendarPage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

/** Every readable calendar with its definition: pickers, and the preview needs the definition itself. */
export function useCalendarOptions() {
  return useQuery({
    queryKey: sdAdminKeys.calendarOptions(),
    queryFn: ({ signal }) =>
      apiFetch("/api/v1/calendars", { schema: ZCalendarPage, query: { limit: 200, sort: "name" }, signal }),
    select: (page) => page.items,
    staleTime: 30_000,
  });
}

export function fetchHolidays(country: string, year: number, lang: string) {
  return apiFetch("/api/v1/calendars/holidays", { schema: ZHolidayList, query: { country, year, lang } });
}

export function useSlaMatrix(buId: string | null) {
  return useQuery({
    queryKey: sdAdminKeys.matrix(buId),
    queryFn: ({ signal }) => apiFetch("/api/v1/sla-policies/matrix", { schema: ZSlaMatrix, query: { buId }, signal }),
    staleTime: 0,
  });
}

export function useSlaPolicyList(filters: { q: string; buId: string }) {
  return usePagedList({
    queryKey: sdAdminKeys.policyList(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/sla-policies", { schema: ZPolicyPage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

/** Due dates for a calendar and targets; the previous answer stays on screen while the next is computed. */
export function useSlaPreview(request: TSlaPreviewRequest | null) {
  return useQuery({
    queryKey: sdAdminKeys.preview(request),
    queryFn: ({ signal }) =>
      apiFetch("/api/v1/sla/preview", { method: "POST", body: request, schema: ZSlaPreviewResponse, signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

export function useCatalogueList(filters: { q: string; buId: string }) {
  return usePagedList({
    queryKey: sdAdminKeys.catalogueList(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/catalogue-items", { schema: ZCataloguePage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

export function useReplyTemplateList(filters: { q: string; locale: string }) {
  return usePagedList({
    queryKey: sdAdminKeys.replyTemplateList(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/reply-templates", {
        schema: ZReplyTemplatePage,
        query: { ...filters, cursor, limit: 50 },
        signal,
      }),
  });
}

/** Template codes for pickers (channel rules, playbook steps), one entry per code whatever its locales. */
export function useReplyTemplateCodes() {
  return useQuery({
    queryKey: sdAdminKeys.replyTemplateOptions(),
    queryFn: ({ signal }) =>
      apiFetch("/api/v1/reply-templates", { schema: ZReplyTemplatePage, query: { limit: 200 }, signal }),
    select: (page) => [...new Set(page.items.map((template) => template.code))].sort(),
    staleTime: 60_000,
  });
}

export function useNotificationTemplates() {
  return useQuery({
    queryKey: sdAdminKeys.notificationTemplates(),
    queryFn: ({ signal }) => apiFetch("/api/v1/notification-templates", { schema: ZNotificationTemplateList, signal }),
    select: (list) => list.items,
  });
}

export function useMaintenanceList(filters: { buId: string }) {
  return usePagedList({
    queryKey: sdAdminKeys.maintenanceList(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/maintenance-windows", {
        schema: ZMaintenancePage,
        query: { ...filters, cursor, limit: 50 },
        signal,
      }),
  });
}

export function usePlaybookList(filters: { q: string; trigger: string }) {
  return usePagedList({
    queryKey: sdAdminKeys.playbookList(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/playbooks", { schema: ZPlaybookPage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

const ZOutboxPage = pageOf(ZOutboxItem);

export function useOutboxList(filters: { status: string }) {
  return usePagedList({
    queryKey: sdAdminKeys.outbox(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/outbox", { schema: ZOutboxPage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}
