import { poolOf, type Db, type Tx } from "@atende/db";
import type { ApiTokenScope, Role, RoleAssignment } from "@atende/domain";

export type LoginUser = {
  id: string;
  tenantId: string;
  email: string;
  passwordHash: string | null;
  status: string;
  failedLogins: number;
  lockedUntil: Date | null;
};

/** Sign-in starts before any tenant is known: the global email directory is the one unscoped read. */
export async function unsafeFindLoginIdentity(db: Db, email: string) {
  return db.loginIdentity.findUnique({ where: { email: email.toLowerCase() } });
}

export async function findLoginUser(tx: Tx, tenantId: string, userId: string): Promise<LoginUser | null> {
  return tx.user.findFirst({
    where: { id: userId, tenantId },
    select: {
      id: true,
      tenantId: true,
      email: true,
      passwordHash: true,
      status: true,
      failedLogins: true,
      lockedUntil: true,
    },
  });
}

export async function recordFailedLogin(tx: Tx, userId: string, lockUntil: Date | null): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { failedLogins: { increment: 1 }, ...(lockUntil ? { lockedUntil: lockUntil } : {}) },
  });
}

export async function recordSuccessfulLogin(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: at } });
}

export async function createSession(
  tx: Tx,
  data: {
    tenantId: string;
    userId: string;
    tokenHash: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  return tx.session.create({ data, select: { id: true, expiresAt: true } });
}

export type SessionPrincipalRow = {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: { id: string; email: string; name: string; locale: string; status: string; roles: RoleAssignment[] };
};

type SessionSqlRow = {
  session_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
  user_id: string;
  email: string;
  name: string;
  locale: string;
  status: string;
  roles: Array<{ role: string; buId: string | null; storeId: string | null }>;
};

/**
 * The active session, its user and roles, in one statement outside any transaction (app_session_principal pins the tenant
 * itself): every authenticated request runs it, so it saves the interactive transaction's round trips.
 */
export async function findActiveSessionDirect(
  db: Db,
  tenantId: string,
  tokenHash: string,
  now: Date,
): Promise<SessionPrincipalRow | null> {
  // On the raw pool: every authenticated request runs this, and the ORM's per-query work was a visible share of a read.
  const { rows } = await poolOf(db).query<SessionSqlRow>(
    "SELECT * FROM app_session_principal($1::uuid, $2, $3::timestamptz)",
    [tenantId, tokenHash, now],
  );
  const s = rows[0];
  if (!s) return null;
  return {
    sessionId: s.session_id,
    csrfToken: s.csrf_token,
    expiresAt: s.expires_at,
    lastSeenAt: s.last_seen_at,
    user: {
      id: s.user_id,
      email: s.email,
      name: s.name,
      locale: s.locale,
      status: s.status,
      roles: s.roles.map((r) => ({ role: r.role as Role, buId: r.buId, storeId: r.storeId })),
    },
  };
}

export async function touchSession(tx: Tx, sessionId: string, at: Date): Promise<void> {
  await tx.session.update({ where: { id: sessionId }, data: { lastSeenAt: at } });
}

export async function revokeSession(tx: Tx, sessionId: string, at: Date): Promise<void> {
  await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: at } });
}

/** An active API token in one statement outside any transaction (app_api_token_principal pins the tenant). */
export async function findActiveApiTokenDirect(db: Db, tenantId: string, tokenHash: string, now: Date) {
  const { rows } = await poolOf(db).query<{
    token_id: string;
    name: string;
    scopes: string[];
    last_used_at: Date | null;
  }>("SELECT * FROM app_api_token_principal($1::uuid, $2, $3::timestamptz)", [tenantId, tokenHash, now]);
  const t = rows[0];
  return t ? { id: t.token_id, name: t.name, scopes: t.scopes as ApiTokenScope[], lastUsedAt: t.last_used_at } : null;
}

export async function touchApiToken(tx: Tx, tokenId: string, at: Date): Promise<void> {
  await tx.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: at } });
}

export async function findTenant(db: Db, tenantId: string) {
  return db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, name: true } });
}
