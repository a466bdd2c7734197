import { can, type Permission } from "./permissions";
import type { RoleAssignment } from "./roles";

export const PERSONAS = ["operator", "seller", "admin", "customer", "provider"] as const;

export type Persona = (typeof PERSONAS)[number];

/** `available: false` marks capabilities not built yet; the SPA shows them as coming soon or hides them. */
export type NavItem = {
  key: string;
  path: string;
  permission: Permission;
  persona: Persona;
  available: boolean;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { key: "operator.queue", path: "/operator/queue", permission: "tickets.work", persona: "operator", available: true },
  {
    key: "operator.projects",
    path: "/operator/projects",
    permission: "jobs.operate",
    persona: "operator",
    available: true,
  },
  {
    key: "operator.monitoring",
    path: "/operator/monitoring",
    permission: "jobs.operate",
    persona: "operator",
    available: true,
  },
  {
    key: "operator.reports",
    path: "/operator/reports",
    permission: "reports.read",
    persona: "operator",
    available: true,
  },
  { key: "seller.projects", path: "/seller/projects", permission: "jobs.sell", persona: "seller", available: true },
  {
    key: "seller.availability",
    path: "/seller/availability",
    permission: "availability.check",
    persona: "seller",
    available: false,
  },
  {
    key: "admin.business-units",
    path: "/admin/business-units",
    permission: "tenant.business_units.manage",
    persona: "admin",
    available: true,
  },
  { key: "admin.stores", path: "/admin/stores", permission: "tenant.stores.manage", persona: "admin", available: true },
  { key: "admin.users", path: "/admin/users", permission: "tenant.users.manage", persona: "admin", available: true },
  { key: "admin.groups", path: "/admin/groups", permission: "tenant.groups.manage", persona: "admin", available: true },
  {
    key: "admin.api-tokens",
    path: "/admin/api-tokens",
    permission: "tenant.api_tokens.manage",
    persona: "admin",
    available: true,
  },
  {
    key: "admin.parameters",
    path: "/admin/parameters",
    permission: "bu.parameters.read",
    persona: "admin",
    available: true,
  },
  { key: "admin.audit", path: "/admin/audit", permission: "audit.read", persona: "admin", available: true },
  // Service-desk configuration: BU admins and tenant admins (the same permission guards the API's writes).
  { key: "admin.sla", path: "/admin/sla", permission: "bu.parameters.edit", persona: "admin", available: true },
  {
    key: "admin.calendars",
    path: "/admin/calendars",
    permission: "bu.parameters.edit",
    persona: "admin",
    available: true,
  },
  {
    key: "admin.templates",
    path: "/admin/templates",
    permission: "bu.parameters.edit",
    persona: "admin",
    available: true,
  },
  {
    key: "admin.playbooks",
    path: "/admin/playbooks",
    permission: "bu.parameters.edit",
    persona: "admin",
    available: true,
  },
  {
    key: "admin.catalogue",
    path: "/admin/catalogue",
    permission: "bu.parameters.edit",
    persona: "admin",
    available: true,
  },
  {
    key: "admin.maintenance",
    path: "/admin/maintenance",
    permission: "bu.parameters.edit",
    persona: "admin",
    available: true,
  },
  {
    key: "admin.service-codes",
    path: "/admin/service-codes",
    permission: "bu.parameters.edit",
    persona: "admin",
    available: true,
  },
  {
    key: "admin.webhooks",
    path: "/admin/webhooks",
    permission: "tenant.api_tokens.manage",
    persona: "admin",
    available: true,
  },
  { key: "admin.outbox", path: "/admin/outbox", permission: "audit.read", persona: "admin", available: true },
  {
    key: "portal.tickets",
    path: "/portal/tickets",
    permission: "tickets.portal",
    persona: "customer",
    available: true,
  },
  {
    key: "portal.projects",
    path: "/portal/projects",
    permission: "tickets.portal",
    persona: "customer",
    available: true,
  },
  { key: "provider.jobs", path: "/provider/jobs", permission: "provider.jobs", persona: "provider", available: false },
  {
    key: "provider.workers",
    path: "/provider/workers",
    permission: "provider.workers.manage",
    persona: "provider",
    available: false,
  },
];

/** Every item the user may reach, available or not, in table order. */
export function navigationFor(assignments: readonly RoleAssignment[]): NavItem[] {
  return NAV_ITEMS.filter((item) => can(assignments, item.permission));
}
