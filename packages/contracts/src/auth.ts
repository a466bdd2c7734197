import { z } from "zod";
import { PERMISSIONS, ROLES } from "@atende/domain";
import { ZEmail } from "./common";

export const ZLoginRequest = z.strictObject({ email: ZEmail, password: z.string().min(1).max(200) });
export type TLoginRequest = z.infer<typeof ZLoginRequest>;
export const ZLoginResponse = z.object({ csrfToken: z.string() });

export const ZRoleAssignment = z.object({
  role: z.enum(ROLES),
  buId: z.uuid().nullable(),
  storeId: z.uuid().nullable(),
});
export type TRoleAssignment = z.infer<typeof ZRoleAssignment>;

export const ZMe = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  roles: z.array(ZRoleAssignment),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;
