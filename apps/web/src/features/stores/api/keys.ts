export type StoreFilters = { buId: string; q: string };

export const storeKeys = {
  all: ["stores"] as const,
  lists: () => [...storeKeys.all, "list"] as const,
  list: (filters: StoreFilters) => [...storeKeys.lists(), filters] as const,
  options: (buId: string | null) => [...storeKeys.all, "options", buId ?? "all"] as const,
};
