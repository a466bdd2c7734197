import type { TFieldError } from "@atende/contracts";
import type { Tx } from "@atende/db";
import type { RoleAssignment } from "@atende/domain";
import { AppError } from "../../errors";
import { storeBus } from "../stores/stores.repo";
import { existingBuIds } from "./users.repo";

/** Identical assignments collapse into one; order is kept. */
export function uniqueRoles(roles: readonly RoleAssignment[]): RoleAssignment[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = `${r.role}|${r.buId ?? ""}|${r.storeId ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every scope must be a BU or store of this tenant, and a store must lie in the BU named beside it. Another tenant's
 * ids read as unknown, so the answer reveals nothing about them.
 */
export async function assertRoleScopes(tx: Tx, tenantId: string, roles: readonly RoleAssignment[]): Promise<void> {
  const buIds = await existingBuIds(tx, tenantId, distinct(roles.map((r) => r.buId)));
  const stores = await storeBus(tx, tenantId, distinct(roles.map((r) => r.storeId)));
  const fields: TFieldError[] = [];
  roles.forEach((r, i) => {
    if (r.buId !== null && !buIds.has(r.buId)) {
      fields.push({ path: `body.roles.${i}.buId`, message: "no such business unit in this tenant" });
    }
    if (r.storeId === null) return;
    const storeBu = stores.get(r.storeId);
    if (storeBu === undefined)
      fields.push({ path: `body.roles.${i}.storeId`, message: "no such store in this tenant" });
    else if (storeBu !== r.buId)
      fields.push({ path: `body.roles.${i}.storeId`, message: "the store belongs to another business unit" });
  });
  if (fields.length > 0) {
    throw new AppError("VALIDATION_FAILED", {
      detail: fields.map((f) => `${f.path}: ${f.message}`).join("; "),
      fields,
    });
  }
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
