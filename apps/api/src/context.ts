import {
  readAsTenant,
  withTenant,
  withTenantConnection,
  type TenantConnection,
  type Db,
  type TenantQuery,
  type Tx,
} from "@atende/db";
import type { ApiTokenScope, RoleAssignment } from "@atende/domain";

export type UserPrincipal = {
  kind: "user";
  tenantId: string;
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  locale: string;
  csrfToken: string;
  roles: RoleAssignment[];
};
export type TokenPrincipal = {
  kind: "token";
  tenantId: string;
  tokenId: string;
  name: string;
  scopes: ApiTokenScope[];
};
export type Principal = UserPrincipal | TokenPrincipal;

export type Actor = { userId: string | null; label: string };

/** What a service needs to know about the request: tenant, actor, and a way to run in the tenant's transaction. */
export type RequestContext = {
  tenantId: string;
  actor: Actor;
  principal: Principal;
  requestId: string;
  ip: string | null;
  run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /** A read-only transaction on a raw connection, for the hot list reads (see readAsTenant). */
  read: <T>(fn: (query: TenantQuery) => Promise<T>) => Promise<T>;
  /** Statements that pin the tenant themselves, on one raw connection (see withTenantConnection). */
  connection: <T>(fn: (connection: TenantConnection) => Promise<T>) => Promise<T>;
};

export function contextFor(db: Db, principal: Principal, requestId: string, ip: string | null): RequestContext {
  const actor: Actor =
    principal.kind === "user"
      ? { userId: principal.userId, label: principal.email }
      : { userId: null, label: `token:${principal.name}` };
  return {
    tenantId: principal.tenantId,
    actor,
    principal,
    requestId,
    ip,
    run: (fn) => withTenant(db, principal.tenantId, fn),
    read: (fn) => readAsTenant(db, principal.tenantId, fn),
    connection: (fn) => withTenantConnection(db, principal.tenantId, fn),
  };
}
