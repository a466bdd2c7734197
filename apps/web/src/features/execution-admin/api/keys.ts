export type CatalogueFilters = { buId: string; q: string };

export const execAdminKeys = {
  all: ["execution-admin"] as const,
  serviceCodes: () => [...execAdminKeys.all, "service-codes"] as const,
  serviceCodeList: (filters: CatalogueFilters) => [...execAdminKeys.serviceCodes(), "list", filters] as const,
  products: () => [...execAdminKeys.all, "products"] as const,
  productList: (filters: CatalogueFilters) => [...execAdminKeys.products(), "list", filters] as const,
  webhooks: () => [...execAdminKeys.all, "webhooks"] as const,
};
