export type BusinessUnitFilters = { q: string; sort: string };

export const businessUnitKeys = {
  all: ["business-units"] as const,
  lists: () => [...businessUnitKeys.all, "list"] as const,
  list: (filters: BusinessUnitFilters) => [...businessUnitKeys.lists(), filters] as const,
  options: () => [...businessUnitKeys.all, "options"] as const,
  detail: (id: string) => [...businessUnitKeys.all, "detail", id] as const,
};
