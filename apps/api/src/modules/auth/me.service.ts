import type { Db } from "@atende/db";
import { permissionsOf } from "@atende/domain";
import type { TMe } from "@atende/contracts";
import type { Principal } from "../../context";
import { AppError } from "../../errors";
import { findTenant } from "./auth.repo";

export async function describeMe(db: Db, principal: Principal): Promise<TMe> {
  if (principal.kind !== "user") throw new AppError("FORBIDDEN", { detail: "only signed-in users have a profile" });
  const tenant = await findTenant(db, principal.tenantId);
  if (!tenant) throw new AppError("UNAUTHENTICATED", { detail: "the tenant no longer exists" });
  return {
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    locale: principal.locale,
    tenant,
    roles: principal.roles,
    permissions: permissionsOf(principal.roles),
    csrfToken: principal.csrfToken,
  };
}
