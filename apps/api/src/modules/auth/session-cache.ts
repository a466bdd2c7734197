import type { SessionPrincipalRow } from "./auth.repo";

/**
 * Signed-in sessions as last read, so a burst of requests on one session reads it once (decision 0017). Entries live
 * `ttlMs` at most and never past the session's own expiry. Sign-out, session revocation and any change to a user drop
 * the entries at once in every API process (session-revocations.ts); the TTL bounds staleness only if that broadcast is
 * lost. A read that started before a revocation is never cached after it: `epoch` moves on every drop.
 */
export type SessionCache = {
  /**
   * The cached row, if still fresh and of that tenant; null when absent, stale, expired or another tenant's. The tenant
   * comes from the cookie, beside the secret: a secret valid in one tenant must not open a session in another.
   */
  get: (tenantId: string, tokenHash: string, now: Date) => SessionPrincipalRow | null;
  /** The current epoch, taken before reading the database. */
  epoch: () => number;
  /** Caches a row read from the database, unless something was dropped since `epochBefore`. */
  put: (tokenHash: string, tenantId: string, row: SessionPrincipalRow, now: Date, epochBefore: number) => void;
  drop: (revocation: Revocation) => void;
  /** Drops everything (revocations may have been missed). */
  clear: () => void;
};

/** What stops being valid: one session, or every session of a user (status, roles or password changed). */
export type Revocation = { tenantId: string; sessionId: string } | { tenantId: string; userId: string };

type Entry = { row: SessionPrincipalRow; tenantId: string; cachedAt: number };

export function createSessionCache(options: { ttlMs: number; maxEntries?: number }): SessionCache {
  const entries = new Map<string, Entry>();
  const maxEntries = options.maxEntries ?? 10_000;
  let epoch = 0;
  return {
    get(tenantId, tokenHash, now) {
      const entry = entries.get(tokenHash);
      if (!entry || entry.tenantId !== tenantId) return null;
      const at = now.getTime();
      if (at - entry.cachedAt >= options.ttlMs || at >= entry.row.expiresAt.getTime()) {
        entries.delete(tokenHash);
        return null;
      }
      return entry.row;
    },
    epoch: () => epoch,
    put(tokenHash, tenantId, row, now, epochBefore) {
      if (options.ttlMs <= 0 || epochBefore !== epoch) return;
      entries.delete(tokenHash);
      entries.set(tokenHash, { row, tenantId, cachedAt: now.getTime() });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    drop(revocation) {
      epoch += 1;
      for (const [hash, entry] of entries) {
        if (entry.tenantId !== revocation.tenantId) continue;
        const hit =
          "sessionId" in revocation
            ? entry.row.sessionId === revocation.sessionId
            : entry.row.user.id === revocation.userId;
        if (hit) entries.delete(hash);
      }
    },
    clear() {
      epoch += 1;
      entries.clear();
    },
  };
}
