import { pageOf, ZProduct, ZServiceCode, ZWebhook } from "@atende/contracts";
import { apiFetch } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { execAdminKeys, type CatalogueFilters } from "./keys";

const ZServiceCodePage = pageOf(ZServiceCode);
const ZProductPage = pageOf(ZProduct);
const ZWebhookPage = pageOf(ZWebhook);

export function useServiceCodeList(filters: CatalogueFilters) {
  return usePagedList({
    queryKey: execAdminKeys.serviceCodeList(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/service-codes", { schema: ZServiceCodePage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

export function useProductList(filters: CatalogueFilters) {
  return usePagedList({
    queryKey: execAdminKeys.productList(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/products", { schema: ZProductPage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

export function useWebhookList() {
  return usePagedList({
    queryKey: execAdminKeys.webhooks(),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/webhooks", { schema: ZWebhookPage, query: { cursor, limit: 50 }, signal }),
  });
}
