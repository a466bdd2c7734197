import { z } from "zod";
import { API_TOKEN_SCOPES, LOCALES, ROLES, zCountry, zCurrency, zTimeZone } from "@atende/domain";
import { ZCode, ZEmail, ZIsoDateTime, ZName, ZQueryBoolean, ZVersion } from "./common";
import { sortParam, ZPageQuery } from "./pagination";

// ---- Business units
export const ZBusinessUnit = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  timezone: z.string(),
  locale: z.string(),
  currency: z.string(),
  country: z.string(),
  contractTerms: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TBusinessUnit = z.infer<typeof ZBusinessUnit>;
export const ZCreateBusinessUnitRequest = z.strictObject({
  code: ZCode,
  name: ZName,
  timezone: zTimeZone,
  locale: z.enum(LOCALES),
  currency: zCurrency,
  country: zCountry,
  /** Printed on every service contract of the BU. */
  contractTerms: z.string().max(20_000).optional(),
});
export type TCreateBusinessUnitRequest = z.infer<typeof ZCreateBusinessUnitRequest>;
export const ZUpdateBusinessUnitRequest = ZCreateBusinessUnitRequest.partial().extend({ version: ZVersion }).strict();
export type TUpdateBusinessUnitRequest = z.infer<typeof ZUpdateBusinessUnitRequest>;
export const ZBusinessUnitListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  sort: sortParam(["code", "name", "createdAt"], "code"),
}).strict();

// ---- Stores
export const ZStore = z.object({
  id: z.uuid(),
  buId: z.uuid(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TStore = z.infer<typeof ZStore>;
export const ZCreateStoreRequest = z.strictObject({
  buId: z.uuid(),
  code: ZCode,
  name: ZName,
  address: z.string().trim().max(500).nullable().optional(),
  postcode: z.string().trim().max(20).nullable().optional(),
});
export type TCreateStoreRequest = z.infer<typeof ZCreateStoreRequest>;
export const ZUpdateStoreRequest = ZCreateStoreRequest.omit({ buId: true })
  .partial()
  .extend({ version: ZVersion })
  .strict();
export type TUpdateStoreRequest = z.infer<typeof ZUpdateStoreRequest>;
export const ZStoreListQuery = ZPageQuery.extend({
  buId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  sort: sortParam(["code", "name", "createdAt"], "code"),
}).strict();

// ---- Users and roles
export const ZRoleAssignmentInput = z
  .strictObject({
    role: z.enum(ROLES),
    buId: z.uuid().nullable().default(null),
    storeId: z.uuid().nullable().default(null),
  })
  .refine((a) => a.storeId === null || a.buId !== null, {
    message: "a store scope needs its business unit",
    path: ["buId"],
  });
export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  status: z.enum(["active", "disabled"]),
  roles: z.array(z.object({ role: z.enum(ROLES), buId: z.uuid().nullable(), storeId: z.uuid().nullable() })),
  groupIds: z.array(z.uuid()),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;
export const ZPassword = z
  .string()
  .min(10, "at least 10 characters")
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), "must contain letters and digits");
export const ZCreateUserRequest = z.strictObject({
  email: ZEmail,
  name: ZName,
  locale: z.enum(LOCALES).default("en"),
  password: ZPassword,
  roles: z.array(ZRoleAssignmentInput).min(1).max(20),
});
export type TCreateUserRequest = z.input<typeof ZCreateUserRequest>;
export const ZUpdateUserRequest = z.strictObject({
  name: ZName.optional(),
  locale: z.enum(LOCALES).optional(),
  status: z.enum(["active", "disabled"]).optional(),
  password: ZPassword.optional(),
  roles: z.array(ZRoleAssignmentInput).min(1).max(20).optional(),
  unlock: z.boolean().optional(),
  version: ZVersion,
});
export type TUpdateUserRequest = z.input<typeof ZUpdateUserRequest>;
export const ZUserListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  sort: sortParam(["email", "name", "createdAt"], "email"),
}).strict();

// ---- Groups
export const ZGroup = z.object({
  id: z.uuid(),
  buId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  memberIds: z.array(z.uuid()),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TGroup = z.infer<typeof ZGroup>;
export const ZCreateGroupRequest = z.strictObject({
  code: ZCode,
  name: ZName,
  description: z.string().trim().max(1000).nullable().optional(),
  buId: z.uuid().nullable().optional(),
  memberIds: z.array(z.uuid()).max(500).default([]),
});
export type TCreateGroupRequest = z.input<typeof ZCreateGroupRequest>;
export const ZUpdateGroupRequest = ZCreateGroupRequest.omit({ memberIds: true })
  .partial()
  .extend({ memberIds: z.array(z.uuid()).max(500).optional(), version: ZVersion })
  .strict();
export type TUpdateGroupRequest = z.input<typeof ZUpdateGroupRequest>;
export const ZGroupListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  sort: sortParam(["code", "name", "createdAt"], "code"),
}).strict();

// ---- API tokens
export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZCreateApiTokenRequest = z.strictObject({
  name: ZName,
  scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1).max(API_TOKEN_SCOPES.length),
  expiresAt: ZIsoDateTime.nullable().optional(),
});
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;
/** The only response that ever carries the secret: it is shown once. */
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() });
export const ZApiTokenListQuery = ZPageQuery.extend({ includeRevoked: ZQueryBoolean.default(false) }).strict();

// ---- Audit log
export const ZAuditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  module: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  outcome: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
const auditFilters = {
  userId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  module: z.string().trim().max(50).optional(),
  from: ZIsoDateTime.optional(),
  to: ZIsoDateTime.optional(),
};
const fromBeforeTo: [
  (q: { from?: string | undefined; to?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to),
  { message: "from must not be after to", path: ["from"] },
];
export const ZAuditListQuery = ZPageQuery.extend(auditFilters)
  .strict()
  .refine(...fromBeforeTo);
/** The export takes the viewer's filters; it is not paginated. */
export const ZAuditExportQuery = z.strictObject(auditFilters).refine(...fromBeforeTo);
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;
