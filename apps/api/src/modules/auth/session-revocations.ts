import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Redis } from "ioredis";
import type { Revocation, SessionCache } from "./session-cache";

export const revocationChannel = (prefix: string) => `${prefix}:auth:revocations`;

export type AnnounceRevocation = (revocation: Revocation) => Promise<void>;

/**
 * Drops the revoked sessions from this process's cache at once, then tells every other API process. Call it after the
 * revocation committed: dropping earlier would let a concurrent request cache the row again before the commit. A lost
 * broadcast is logged; the other processes then serve the session for the cache's TTL at most.
 */
export function revocationAnnouncer(
  cache: SessionCache,
  redis: Redis,
  prefix: string,
  warn: (error: unknown) => void,
): AnnounceRevocation {
  return async (revocation) => {
    cache.drop(revocation);
    await redis.publish(revocationChannel(prefix), JSON.stringify(revocation)).catch(warn);
  };
}

function parseRevocation(message: string): Revocation | null {
  try {
    const value = JSON.parse(message) as Record<string, unknown>;
    if (typeof value.tenantId !== "string") return null;
    if (typeof value.sessionId === "string") return { tenantId: value.tenantId, sessionId: value.sessionId };
    if (typeof value.userId === "string") return { tenantId: value.tenantId, userId: value.userId };
    return null;
  } catch {
    return null;
  }
}

/** Applies every API process's revocations to this process's session cache, over one Redis subscription. */
export const sessionRevocationsPlugin = fp(
  async (app: FastifyInstance, opts: { redis: Redis; prefix: string; cache: SessionCache }) => {
    const subscriber = opts.redis.duplicate();
    const channel = revocationChannel(opts.prefix);
    subscriber.on("message", (_channel: string, message: string) => {
      const revocation = parseRevocation(message);
      if (revocation) opts.cache.drop(revocation);
    });
    // Messages missed while resubscribing can't be replayed: drop everything instead.
    subscriber.on("ready", () => opts.cache.clear());
    await subscriber.subscribe(channel);
    app.addHook("onClose", async () => {
      await subscriber.unsubscribe(channel).catch(() => undefined);
      subscriber.disconnect();
    });
  },
);
