import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import {
  ZBusinessCalendar,
  ZCatalogueItem,
  ZMaintenanceWindowCreated,
  ZNotificationTemplate,
  ZPlaybook,
  ZReplyTemplate,
  ZServiceSlaPolicy,
  ZSlaMatrix,
  type NotificationEvent,
  type TCreateCalendarRequest,
  type TCreateCatalogueItemRequest,
  type TCreateMaintenanceWindowRequest,
  type TCreatePlaybookRequest,
  type TCreateReplyTemplateRequest,
  type TPutNotificationTemplateRequest,
  type TPutSlaMatrixRequest,
  type TUpdateCalendarRequest,
  type TUpdateCatalogueItemRequest,
  type TUpdatePlaybookRequest,
  type TUpdateReplyTemplateRequest,
  type TUpdateSlaPolicyRequest,
} from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { sdAdminKeys } from "./keys";

function useInvalidate(...keys: QueryKey[]) {
  const client = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useSaveSlaMatrix() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPutSlaMatrixRequest) =>
      apiFetch("/api/v1/sla-policies/matrix", { method: "PUT", body, schema: ZSlaMatrix }),
    onSuccess: (saved) => {
      client.setQueryData(sdAdminKeys.matrix(saved.buId), saved);
      // Saved cells are policies too, and the all-BU matrix may show them.
      return client.invalidateQueries({ queryKey: sdAdminKeys.policies() });
    },
  });
}

export function useUpdateSlaPolicy(id: string) {
  const invalidate = useInvalidate(sdAdminKeys.policies(), [...sdAdminKeys.all, "sla-matrix"]);
  return useMutation({
    mutationFn: (body: TUpdateSlaPolicyRequest) =>
      apiFetch(`/api/v1/sla-policies/${id}`, { method: "PATCH", body, schema: ZServiceSlaPolicy }),
    onSuccess: invalidate,
  });
}

export function useCreateCalendar() {
  const invalidate = useInvalidate(sdAdminKeys.calendars());
  return useMutation({
    mutationFn: (body: TCreateCalendarRequest) =>
      apiFetch("/api/v1/calendars", { method: "POST", body, schema: ZBusinessCalendar }),
    onSuccess: invalidate,
  });
}

export function useUpdateCalendar(id: string) {
  const invalidate = useInvalidate(sdAdminKeys.calendars());
  return useMutation({
    mutationFn: (body: TUpdateCalendarRequest) =>
      apiFetch(`/api/v1/calendars/${id}`, { method: "PATCH", body, schema: ZBusinessCalendar }),
    onSuccess: invalidate,
  });
}

export function useCreateCatalogueItem() {
  const invalidate = useInvalidate(sdAdminKeys.catalogue());
  return useMutation({
    mutationFn: (body: TCreateCatalogueItemRequest) =>
      apiFetch("/api/v1/catalogue-items", { method: "POST", body, schema: ZCatalogueItem }),
    onSuccess: invalidate,
  });
}

export function useUpdateCatalogueItem(id: string) {
  const invalidate = useInvalidate(sdAdminKeys.catalogue());
  return useMutation({
    mutationFn: (body: TUpdateCatalogueItemRequest) =>
      apiFetch(`/api/v1/catalogue-items/${id}`, { method: "PATCH", body, schema: ZCatalogueItem }),
    onSuccess: invalidate,
  });
}

export function useCreateReplyTemplate() {
  const invalidate = useInvalidate(sdAdminKeys.replyTemplates());
  return useMutation({
    mutationFn: (body: TCreateReplyTemplateRequest) =>
      apiFetch("/api/v1/reply-templates", { method: "POST", body, schema: ZReplyTemplate }),
    onSuccess: invalidate,
  });
}

export function useUpdateReplyTemplate(id: string) {
  const invalidate = useInvalidate(sdAdminKeys.replyTemplates());
  return useMutation({
    mutationFn: (body: TUpdateReplyTemplateRequest) =>
      apiFetch(`/api/v1/reply-templates/${id}`, { method: "PATCH", body, schema: ZReplyTemplate }),
    onSuccess: invalidate,
  });
}

export function usePutNotificationTemplate(event: NotificationEvent, locale: string) {
  const invalidate = useInvalidate(sdAdminKeys.notificationTemplates());
  return useMutation({
    mutationFn: (body: TPutNotificationTemplateRequest) =>
      apiFetch(`/api/v1/notification-templates/${event}/${locale}`, {
        method: "PUT",
        body,
        schema: ZNotificationTemplate,
      }),
    onSuccess: invalidate,
  });
}

export function useCreateMaintenanceWindow() {
  const invalidate = useInvalidate(sdAdminKeys.maintenance());
  return useMutation({
    mutationFn: (body: TCreateMaintenanceWindowRequest) =>
      apiFetch("/api/v1/maintenance-windows", { method: "POST", body, schema: ZMaintenanceWindowCreated }),
    onSuccess: invalidate,
  });
}

export function useCreatePlaybook() {
  const invalidate = useInvalidate(sdAdminKeys.playbooks());
  return useMutation({
    mutationFn: (body: TCreatePlaybookRequest) =>
      apiFetch("/api/v1/playbooks", { method: "POST", body, schema: ZPlaybook }),
    onSuccess: invalidate,
  });
}

export function useUpdatePlaybook(id: string) {
  const invalidate = useInvalidate(sdAdminKeys.playbooks());
  return useMutation({
    mutationFn: (body: TUpdatePlaybookRequest) =>
      apiFetch(`/api/v1/playbooks/${id}`, { method: "PATCH", body, schema: ZPlaybook }),
    onSuccess: invalidate,
  });
}
