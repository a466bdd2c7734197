export type ListFilters = Record<string, string>;

export const sdAdminKeys = {
  all: ["service-desk-admin"] as const,
  priorities: () => [...sdAdminKeys.all, "priorities"] as const,
  calendars: () => [...sdAdminKeys.all, "calendars"] as const,
  calendarList: (filters: ListFilters) => [...sdAdminKeys.calendars(), "list", filters] as const,
  calendarOptions: () => [...sdAdminKeys.calendars(), "options"] as const,
  holidays: (country: string, year: number, lang: string) =>
    [...sdAdminKeys.all, "holidays", country, year, lang] as const,
  matrix: (buId: string | null) => [...sdAdminKeys.all, "sla-matrix", buId ?? "all"] as const,
  policies: () => [...sdAdminKeys.all, "sla-policies"] as const,
  policyList: (filters: ListFilters) => [...sdAdminKeys.policies(), "list", filters] as const,
  preview: (payload: unknown) => [...sdAdminKeys.all, "sla-preview", payload] as const,
  catalogue: () => [...sdAdminKeys.all, "catalogue"] as const,
  catalogueList: (filters: ListFilters) => [...sdAdminKeys.catalogue(), "list", filters] as const,
  replyTemplates: () => [...sdAdminKeys.all, "reply-templates"] as const,
  replyTemplateList: (filters: ListFilters) => [...sdAdminKeys.replyTemplates(), "list", filters] as const,
  replyTemplateOptions: () => [...sdAdminKeys.replyTemplates(), "options"] as const,
  notificationTemplates: () => [...sdAdminKeys.all, "notification-templates"] as const,
  maintenance: () => [...sdAdminKeys.all, "maintenance"] as const,
  maintenanceList: (filters: ListFilters) => [...sdAdminKeys.maintenance(), "list", filters] as const,
  playbooks: () => [...sdAdminKeys.all, "playbooks"] as const,
  playbookList: (filters: ListFilters) => [...sdAdminKeys.playbooks(), "list", filters] as const,
  outbox: (filters: ListFilters) => [...sdAdminKeys.all, "outbox", filters] as const,
};
