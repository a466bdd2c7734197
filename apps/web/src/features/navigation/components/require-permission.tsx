import type { ReactNode } from "react";
import { can, type Permission } from "@atende/domain";
import { ForbiddenRoute } from "../../../routes/forbidden";
import { useCurrentUser } from "../../auth/components/current-user";

/** A typed URL never reaches a screen the user may not use: the same check the navigation applies. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useCurrentUser();
  return can(me.roles, permission) ? children : <ForbiddenRoute />;
}
