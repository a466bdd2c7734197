export type GroupFilters = { q: string };

export const groupKeys = {
  all: ["groups"] as const,
  lists: () => [...groupKeys.all, "list"] as const,
  list: (filters: GroupFilters) => [...groupKeys.lists(), filters] as const,
  options: () => [...groupKeys.all, "options"] as const,
};
