export type UserFilters = { q: string; role: string };

export const userKeys = {
  all: ["users"] as const,
  lists: () => [...userKeys.all, "list"] as const,
  list: (filters: UserFilters) => [...userKeys.lists(), filters] as const,
  options: () => [...userKeys.all, "options"] as const,
};
