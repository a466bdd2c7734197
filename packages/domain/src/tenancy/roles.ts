import { z } from "zod";

export const ROLES = [
  "customer",
  "provider_manager",
  "provider_worker",
  "seller",
  "operator",
  "execution_admin",
  "bu_admin",
  "tenant_admin",
] as const;

export type Role = (typeof ROLES)[number];

/** buId null = tenant-wide; storeId set implies buId set. */
export type RoleAssignment = { role: Role; buId: string | null; storeId: string | null };

export const STAFF_ROLES = [
  "seller",
  "operator",
  "execution_admin",
  "bu_admin",
  "tenant_admin",
] as const satisfies readonly Role[];

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

export function isStaff(assignments: readonly RoleAssignment[]): boolean {
  return assignments.some((assignment) => isStaffRole(assignment.role));
}

export const zRole = z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` });

export const zRoleAssignment = z
  .object({
    role: zRole,
    buId: z.string().min(1).max(64).nullable(),
    storeId: z.string().min(1).max(64).nullable(),
  })
  .strict()
  .refine((assignment) => assignment.storeId === null || assignment.buId !== null, {
    error: "a store-scoped role must also name its business unit",
    path: ["buId"],
  });
