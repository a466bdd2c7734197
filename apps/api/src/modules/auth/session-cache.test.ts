import { describe, expect, it } from "vitest";
import type { SessionPrincipalRow } from "./auth.repo";
import { createSessionCache } from "./session-cache";

const T1 = "11111111-1111-4111-8111-111111111111";
const T2 = "22222222-2222-4222-8222-222222222222";
const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 9, 0, s));

function row(sessionId: string, userId: string, expiresAt = at(3600)): SessionPrincipalRow {
  return {
    sessionId,
    csrfToken: "csrf",
    expiresAt,
    lastSeenAt: at(0),
    user: { id: userId, email: `${userId}@x.test`, name: userId, locale: "en", status: "active", roles: [] },
  };
}

describe("the session cache", () => {
  it("serves a row for its TTL and not after", () => {
    const cache = createSessionCache({ ttlMs: 10_000 });
    cache.put("h1", T1, row("s1", "u1"), at(0), cache.epoch());
    expect(cache.get(T1, "h1", at(9))?.sessionId).toBe("s1");
    expect(cache.get(T1, "h1", at(10))).toBeNull();
    expect(cache.get(T1, "h1", at(1))).toBeNull();
  });

  it("never serves a session past its own expiry", () => {
    const cache = createSessionCache({ ttlMs: 60_000 });
    cache.put("h1", T1, row("s1", "u1", at(5)), at(0), cache.epoch());
    expect(cache.get(T1, "h1", at(4))).not.toBeNull();
    expect(cache.get(T1, "h1", at(5))).toBeNull();
  });

  it("drops one session, or every session of a user, of that tenant only", () => {
    const cache = createSessionCache({ ttlMs: 60_000 });
    cache.put("a", T1, row("s1", "u1"), at(0), cache.epoch());
    cache.put("b", T1, row("s2", "u1"), at(0), cache.epoch());
    cache.put("c", T1, row("s3", "u2"), at(0), cache.epoch());
    cache.put("d", T2, row("s4", "u1"), at(0), cache.epoch());
    cache.drop({ tenantId: T1, sessionId: "s1" });
    expect(cache.get(T1, "a", at(1))).toBeNull();
    expect(cache.get(T1, "b", at(1))).not.toBeNull();
    cache.drop({ tenantId: T1, userId: "u1" });
    expect(cache.get(T1, "b", at(1))).toBeNull();
    expect(cache.get(T1, "c", at(1))).not.toBeNull();
    expect(cache.get(T2, "d", at(1))).not.toBeNull();
    cache.clear();
    expect(cache.get(T1, "c", at(1))).toBeNull();
    expect(cache.get(T2, "d", at(1))).toBeNull();
  });

  it("never serves a session cached for one tenant to a cookie naming another", () => {
    const cache = createSessionCache({ ttlMs: 60_000 });
    cache.put("a", T1, row("s1", "u1"), at(0), cache.epoch());
    expect(cache.get(T2, "a", at(1))).toBeNull();
    expect(cache.get(T1, "a", at(1))?.sessionId).toBe("s1");
  });

  it("does not cache a row read before a revocation that landed while it was read", () => {
    const cache = createSessionCache({ ttlMs: 60_000 });
    const before = cache.epoch();
    cache.drop({ tenantId: T1, sessionId: "s1" });
    cache.put("a", T1, row("s1", "u1"), at(0), before);
    expect(cache.get(T1, "a", at(1))).toBeNull();
  });

  it("caches nothing with a TTL of 0 and keeps at most maxEntries, dropping the oldest", () => {
    const off = createSessionCache({ ttlMs: 0 });
    off.put("a", T1, row("s1", "u1"), at(0), off.epoch());
    expect(off.get(T1, "a", at(0))).toBeNull();
    const small = createSessionCache({ ttlMs: 60_000, maxEntries: 2 });
    for (const h of ["a", "b", "c"]) small.put(h, T1, row(h, "u1"), at(0), small.epoch());
    expect(small.get(T1, "a", at(1))).toBeNull();
    expect(small.get(T1, "b", at(1))).not.toBeNull();
    expect(small.get(T1, "c", at(1))).not.toBeNull();
  });
});
