import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { z } from "zod";
import {
  ZImportResult,
  ZProduct,
  ZServiceCode,
  ZWebhookCreated,
  type ZProductInput,
  type ZProductUpdate,
  type ZServiceCodeInput,
  type ZServiceCodeUpdate,
  type ZWebhookInput,
} from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { postCsv } from "./csv-upload";
import { execAdminKeys } from "./keys";

export type CatalogueKind = "service-codes" | "products";

function useInvalidate(queryKey: QueryKey) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey });
}

export function useCreateServiceCode() {
  const invalidate = useInvalidate(execAdminKeys.serviceCodes());
  return useMutation({
    mutationFn: (body: z.input<typeof ZServiceCodeInput>) =>
      apiFetch("/api/v1/service-codes", { method: "POST", body, schema: ZServiceCode }),
    onSuccess: invalidate,
  });
}

export function useUpdateServiceCode(id: string) {
  const invalidate = useInvalidate(execAdminKeys.serviceCodes());
  return useMutation({
    mutationFn: (body: z.input<typeof ZServiceCodeUpdate>) =>
      apiFetch(`/api/v1/service-codes/${id}`, { method: "PATCH", body, schema: ZServiceCode }),
    onSuccess: invalidate,
  });
}

export function useCreateProduct() {
  const invalidate = useInvalidate(execAdminKeys.products());
  return useMutation({
    mutationFn: (body: z.input<typeof ZProductInput>) =>
      apiFetch("/api/v1/products", { method: "POST", body, schema: ZProduct }),
    onSuccess: invalidate,
  });
}

export function useUpdateProduct(id: string) {
  const invalidate = useInvalidate(execAdminKeys.products());
  return useMutation({
    mutationFn: (body: z.input<typeof ZProductUpdate>) =>
      apiFetch(`/api/v1/products/${id}`, { method: "PATCH", body, schema: ZProduct }),
    onSuccess: invalidate,
  });
}

/** All or nothing on the server: a 422 lists every bad line in the error's fieldErrors. */
export function useImportCatalogue(kind: CatalogueKind) {
  const invalidate = useInvalidate(kind === "products" ? execAdminKeys.products() : execAdminKeys.serviceCodes());
  return useMutation({
    mutationFn: ({ buId, csv }: { buId: string; csv: string }) =>
      postCsv(`/api/v1/${kind}/import`, { buId }, csv, ZImportResult),
    onSuccess: invalidate,
  });
}

export function useCreateWebhook() {
  const invalidate = useInvalidate(execAdminKeys.webhooks());
  return useMutation({
    mutationFn: (body: z.input<typeof ZWebhookInput>) =>
      apiFetch("/api/v1/webhooks", { method: "POST", body, schema: ZWebhookCreated }),
    onSuccess: invalidate,
  });
}

export function useDeleteWebhook() {
  const invalidate = useInvalidate(execAdminKeys.webhooks());
  return useMutation({
    // 204: nothing to parse.
    mutationFn: (id: string) => apiFetch(`/api/v1/webhooks/${id}`, { method: "DELETE", schema: z.unknown() }),
    onSuccess: invalidate,
  });
}
