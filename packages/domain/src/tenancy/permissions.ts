import type { Role, RoleAssignment } from "./roles";

export const PERMISSIONS = [
  "tenant.business_units.manage",
  "tenant.stores.manage",
  "tenant.users.manage",
  "tenant.groups.manage",
  "tenant.api_tokens.manage",
  "bu.read",
  "bu.parameters.read",
  "bu.parameters.edit",
  "audit.read",
  "customers.read",
  "customers.manage",
  "tickets.work",
  "tickets.portal",
  "projects.read",
  "jobs.operate",
  "jobs.sell",
  "jobs.cancel",
  "availability.check",
  "provider.jobs",
  "provider.workers.manage",
  "sla.preview",
  "reports.read",
  "orders.write",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const OPERATOR: readonly Permission[] = [
  "bu.read",
  "tickets.work",
  "customers.read",
  "projects.read",
  "jobs.operate",
  "availability.check",
  "sla.preview",
  "reports.read",
];

// A tenant admin administers; working the queue needs an operator role on top.
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  customer: ["tickets.portal"],
  provider_manager: ["provider.jobs", "provider.workers.manage"],
  provider_worker: ["provider.jobs"],
  seller: ["bu.read", "projects.read", "jobs.sell", "availability.check", "customers.read"],
  operator: OPERATOR,
  execution_admin: [...OPERATOR, "jobs.cancel"],
  bu_admin: ["bu.read", "bu.parameters.read", "bu.parameters.edit", "audit.read", "reports.read", "sla.preview"],
  tenant_admin: [
    "tenant.business_units.manage",
    "tenant.stores.manage",
    "tenant.users.manage",
    "tenant.groups.manage",
    "tenant.api_tokens.manage",
    "bu.read",
    "bu.parameters.read",
    "bu.parameters.edit",
    "audit.read",
    "customers.read",
    "customers.manage",
    "reports.read",
    "sla.preview",
  ],
};

/**
 * Where the resource lives. `buId: null` (or absent) is a tenant-level resource,
 * which only tenant-wide assignments reach.
 */
export type Scope = { buId?: string | null; storeId?: string | null };

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

function covers(assignment: RoleAssignment, scope: Scope): boolean {
  if (assignment.buId === null) return true;
  if (scope.buId !== assignment.buId) return false;
  return assignment.storeId === null || scope.storeId === assignment.storeId;
}

/** Without a scope: "does the user hold this permission anywhere" (navigation, list endpoints). */
export function can(assignments: readonly RoleAssignment[], permission: Permission, scope?: Scope): boolean {
  return assignments.some(
    (assignment) => roleHas(assignment.role, permission) && (scope === undefined || covers(assignment, scope)),
  );
}

export function permissionsOf(assignments: readonly RoleAssignment[]): Permission[] {
  const held = new Set(assignments.flatMap((assignment) => ROLE_PERMISSIONS[assignment.role]));
  return [...held].sort();
}

/**
 * BUs where the user holds the permission; a store-scoped assignment counts for its BU,
 * so callers filtering rows by store use `scopedStoreIds` as well.
 */
export function scopedBuIds(assignments: readonly RoleAssignment[], permission: Permission): "all" | string[] {
  const granting = assignments.filter((assignment) => roleHas(assignment.role, permission));
  if (granting.some((assignment) => assignment.buId === null)) return "all";
  return uniqueSorted(granting.map((assignment) => assignment.buId));
}

/** Stores of one BU where the user holds the permission; "all" when held BU-wide or tenant-wide. */
export function scopedStoreIds(
  assignments: readonly RoleAssignment[],
  permission: Permission,
  buId: string,
): "all" | string[] {
  const granting = assignments.filter(
    (assignment) => roleHas(assignment.role, permission) && (assignment.buId === null || assignment.buId === buId),
  );
  if (granting.some((assignment) => assignment.buId === null || assignment.storeId === null)) {
    return "all";
  }
  return uniqueSorted(granting.map((assignment) => assignment.storeId));
}

function uniqueSorted(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))].sort();
}

export const API_TOKEN_SCOPES = ["orders:write", "provider:jobs", "tickets:write", "read"] as const;

export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const SCOPE_PERMISSIONS: Record<ApiTokenScope, readonly Permission[]> = {
  "orders:write": ["orders.write"],
  "provider:jobs": ["provider.jobs"],
  "tickets:write": ["tickets.work"],
  read: ["bu.read", "customers.read", "projects.read", "reports.read"],
};

export function tokenCan(scopes: readonly ApiTokenScope[], permission: Permission): boolean {
  return scopes.some((scope) => SCOPE_PERMISSIONS[scope].includes(permission));
}
