import { hash, verify } from "@node-rs/argon2";
import type { Db } from "@atende/db";
import { withTenant } from "@atende/db";
import type { TimerRef } from "@atende/jobs";
import { scheduleTimer } from "@atende/jobs";
import { AppError } from "../../errors";
import type { Principal, TokenPrincipal, UserPrincipal } from "../../context";
import { recordAudit } from "../audit/audit.repo";
import * as repo from "./auth.repo";
import { formatSessionCookie, hashSecret, newSecret, parseApiToken, parseSessionCookie } from "./secrets";
import type { SessionCache } from "./session-cache";
import type { AnnounceRevocation } from "./session-revocations";

export type AuthDeps = {
  db: Db;
  now: () => Date;
  sessionSecret: string;
  sessionTtlMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  afterCommit: (refs: TimerRef[]) => Promise<void>;
  sessions: SessionCache;
  announceRevocation: AnnounceRevocation;
};

// Verifying against a fixed hash when the email is unknown keeps response times from revealing which emails exist.
const DUMMY_HASH = hash("not-a-real-password-0000");

export const hashPassword = (password: string) => hash(password);

export type SignInResult = { cookie: string; csrfToken: string; expiresAt: Date };

export async function signIn(
  deps: AuthDeps,
  input: { email: string; password: string; ip: string | null; userAgent: string | null; requestId: string },
): Promise<SignInResult> {
  const now = deps.now();
  const identity = await repo.unsafeFindLoginIdentity(deps.db, input.email);
  if (!identity) {
    await verify(await DUMMY_HASH, input.password).catch(() => false);
    throw new AppError("INVALID_CREDENTIALS", { detail: "email or password is incorrect" });
  }
  const audit = {
    tenantId: identity.tenantId,
    actor: { userId: identity.userId, label: input.email.toLowerCase() },
    ip: input.ip,
    requestId: input.requestId,
  };
  const outcome = await withTenant(deps.db, identity.tenantId, async (tx) => {
    const user = await repo.findLoginUser(tx, identity.tenantId, identity.userId);
    if (!user || user.status !== "active" || !user.passwordHash) return { kind: "invalid" as const };
    if (user.lockedUntil && user.lockedUntil > now) return { kind: "locked" as const, until: user.lockedUntil };
    const ok = await verify(user.passwordHash, input.password).catch(() => false);
    if (!ok) {
      const failures = user.failedLogins + 1;
      const lock = failures >= deps.loginMaxFailures ? new Date(now.getTime() + deps.loginLockMinutes * 60_000) : null;
      await repo.recordFailedLogin(tx, user.id, lock);
      await recordAudit(tx, audit, {
        action: "auth.sign_in",
        module: "auth",
        entityType: "user",
        entityId: user.id,
        outcome: "failure",
      });
      return lock ? { kind: "locked" as const, until: lock } : { kind: "invalid" as const };
    }
    const secret = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(now.getTime() + deps.sessionTtlMinutes * 60_000);
    const session = await repo.createSession(tx, {
      tenantId: identity.tenantId,
      userId: user.id,
      tokenHash: hashSecret(deps.sessionSecret, secret),
      csrfToken,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.recordSuccessfulLogin(tx, user.id, now);
    await recordAudit(tx, audit, { action: "auth.sign_in", module: "auth", entityType: "user", entityId: user.id });
    const timer = await scheduleTimer(tx, {
      tenantId: identity.tenantId,
      kind: "session-expiry",
      subject: session.id,
      dueAt: expiresAt,
    });
    return { kind: "ok" as const, cookie: formatSessionCookie(identity.tenantId, secret), csrfToken, expiresAt, timer };
  });
  if (outcome.kind === "invalid")
    throw new AppError("INVALID_CREDENTIALS", { detail: "email or password is incorrect" });
  if (outcome.kind === "locked") {
    const seconds = Math.max(1, Math.ceil((outcome.until.getTime() - now.getTime()) / 1000));
    throw new AppError("ACCOUNT_LOCKED", {
      detail: `too many failed sign-ins: the account is locked until ${outcome.until.toISOString()}`,
      headers: { "retry-after": String(seconds) },
    });
  }
  await deps.afterCommit([outcome.timer]);
  return { cookie: outcome.cookie, csrfToken: outcome.csrfToken, expiresAt: outcome.expiresAt };
}

const TOUCH_EVERY_MS = 60_000;

async function readSession(deps: AuthDeps, tenantId: string, tokenHash: string, now: Date) {
  const epoch = deps.sessions.epoch();
  const row = await repo.findActiveSessionDirect(deps.db, tenantId, tokenHash, now);
  if (row) deps.sessions.put(tokenHash, tenantId, row, now, epoch);
  return row;
}

export async function principalFromSession(deps: AuthDeps, cookie: string | undefined): Promise<UserPrincipal | null> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const now = deps.now();
  const tokenHash = hashSecret(deps.sessionSecret, parsed.secret);
  const row =
    deps.sessions.get(parsed.tenantId, tokenHash, now) ?? (await readSession(deps, parsed.tenantId, tokenHash, now));
  if (!row || row.user.status !== "active") return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await withTenant(deps.db, parsed.tenantId, (tx) => repo.touchSession(tx, row.sessionId, now));
    // The cached row too, or every request until it expires would touch the session again.
    row.lastSeenAt = now;
  }
  return {
    kind: "user",
    tenantId: parsed.tenantId,
    userId: row.user.id,
    sessionId: row.sessionId,
    email: row.user.email,
    name: row.user.name,
    locale: row.user.locale,
    csrfToken: row.csrfToken,
    roles: row.user.roles,
  };
}

export async function principalFromApiToken(deps: AuthDeps, bearer: string): Promise<TokenPrincipal | null> {
  const parsed = parseApiToken(bearer);
  if (!parsed) return null;
  const now = deps.now();
  const token = await repo.findActiveApiTokenDirect(
    deps.db,
    parsed.tenantId,
    hashSecret(deps.sessionSecret, parsed.secret),
    now,
  );
  if (!token) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await withTenant(deps.db, parsed.tenantId, (tx) => repo.touchApiToken(tx, token.id, now));
  }
  return { kind: "token", tenantId: parsed.tenantId, tokenId: token.id, name: token.name, scopes: token.scopes };
}

export async function signOut(
  deps: AuthDeps,
  principal: Principal,
  ip: string | null,
  requestId: string,
): Promise<void> {
  if (principal.kind !== "user") return;
  await withTenant(deps.db, principal.tenantId, async (tx) => {
    await repo.revokeSession(tx, principal.sessionId, deps.now());
    await recordAudit(
      tx,
      { tenantId: principal.tenantId, actor: { userId: principal.userId, label: principal.email }, ip, requestId },
      { action: "auth.sign_out", module: "auth", entityType: "session", entityId: principal.sessionId },
    );
  });
  await deps.announceRevocation({ tenantId: principal.tenantId, sessionId: principal.sessionId });
}
