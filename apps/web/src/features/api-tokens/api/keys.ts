export type ApiTokenFilters = { includeRevoked: boolean };

export const apiTokenKeys = {
  all: ["api-tokens"] as const,
  lists: () => [...apiTokenKeys.all, "list"] as const,
  list: (filters: ApiTokenFilters) => [...apiTokenKeys.lists(), filters] as const,
};
