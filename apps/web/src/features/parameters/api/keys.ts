export const parameterKeys = {
  all: ["bu-parameters"] as const,
  current: (buId: string) => [...parameterKeys.all, buId, "current"] as const,
  history: (buId: string) => [...parameterKeys.all, buId, "history"] as const,
};
