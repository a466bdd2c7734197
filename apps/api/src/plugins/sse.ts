import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Redis } from "ioredis";
import { liveChannel } from "@atende/desk";

type Client = { write: (chunk: string) => void };

/**
 * Live updates: one Redis pattern subscription per API process fans tenant-scoped change notices out to that
 * tenant's browsers as server-sent events. Notices carry ids only; clients refetch through the API, which applies
 * every permission check again.
 */
export const ssePlugin = fp(
  async (app: FastifyInstance, opts: { redis: Redis; prefix: string; heartbeatMs?: number }) => {
    const clients = new Map<string, Set<Client>>();
    const subscriber = opts.redis.duplicate();
    const pattern = liveChannel(opts.prefix, "*");
    await subscriber.psubscribe(pattern);
    subscriber.on("pmessage", (_pattern: string, channel: string, message: string) => {
      const tenantId = channel.slice(channel.lastIndexOf(":") + 1);
      for (const client of clients.get(tenantId) ?? []) client.write(`event: change\ndata: ${message}\n\n`);
    });
    app.addHook("onClose", async () => {
      await subscriber.punsubscribe(pattern).catch(() => undefined);
      subscriber.disconnect();
    });

    // Streaming is outside the JSON contract, so the route is left out of the OpenAPI document.
    app.get("/api/v1/live", { schema: { hide: true } }, (request, reply) => {
      const tenantId = request.ctx().tenantId;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      raw.write(": connected\n\n");
      const client: Client = { write: (chunk) => raw.write(chunk) };
      const set = clients.get(tenantId) ?? new Set<Client>();
      set.add(client);
      clients.set(tenantId, set);
      const heartbeat = setInterval(() => raw.write(": ping\n\n"), opts.heartbeatMs ?? 25_000);
      request.raw.on("close", () => {
        clearInterval(heartbeat);
        set.delete(client);
        if (set.size === 0) clients.delete(tenantId);
      });
    });
  },
);
