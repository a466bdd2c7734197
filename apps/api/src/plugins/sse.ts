import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Redis } from "ioredis";
import { liveChannel } from "@atende/desk";

type Client = { write: (chunk: string) => void };

/**
 * Live updates: tenant-scoped change notices from Redis, fanned out to that tenant's browsers as server-sent events.
 * Notices carry ids only; clients refetch through the API, which applies every permission check again. A process
 * subscribes to a tenant's channel while it has a browser of that tenant connected, and to nothing else: with one
 * pattern for every tenant, each process received, and parsed, every tenant's notices whether anyone listened or not.
 */
export const ssePlugin = fp(
  async (app: FastifyInstance, opts: { redis: Redis; prefix: string; heartbeatMs?: number }) => {
    const clients = new Map<string, Set<Client>>();
    const subscriber = opts.redis.duplicate();
    const channelOf = (tenantId: string) => liveChannel(opts.prefix, tenantId);
    subscriber.on("message", (channel: string, message: string) => {
      const tenantId = channel.slice(channel.lastIndexOf(":") + 1);
      for (const client of clients.get(tenantId) ?? []) client.write(`event: change\ndata: ${message}\n\n`);
    });
    app.addHook("onClose", async () => {
      subscriber.disconnect();
    });

    // The first browser of a tenant subscribes and the last one to leave unsubscribes. The commands go out in the
    // order of those changes on one connection, so the subscription always ends as the last change left it.
    function join(tenantId: string, client: Client): Promise<unknown> {
      const set = clients.get(tenantId) ?? new Set<Client>();
      const first = set.size === 0;
      set.add(client);
      clients.set(tenantId, set);
      return first ? subscriber.subscribe(channelOf(tenantId)) : Promise.resolve();
    }
    function leave(tenantId: string, client: Client): void {
      const set = clients.get(tenantId);
      if (!set?.delete(client) || set.size > 0) return;
      clients.delete(tenantId);
      subscriber
        .unsubscribe(channelOf(tenantId))
        .catch((error: unknown) => app.log.warn({ err: error }, "unsubscribe"));
    }

    // Streaming is outside the JSON contract, so the route is left out of the OpenAPI document.
    app.get("/api/v1/live", { schema: { hide: true } }, async (request, reply) => {
      const tenantId = request.ctx().tenantId;
      reply.hijack();
      const raw = reply.raw;
      const client: Client = { write: (chunk) => raw.write(chunk) };
      const state: { closed: boolean; heartbeat?: NodeJS.Timeout } = { closed: false };
      request.raw.on("close", () => {
        state.closed = true;
        clearInterval(state.heartbeat);
        leave(tenantId, client);
      });
      try {
        // Subscribed before the browser hears it is connected, so no notice after that is missed.
        await join(tenantId, client);
      } catch (error) {
        app.log.warn({ err: error }, "live updates unavailable: subscribing failed");
        raw.writeHead(503, { "content-type": "text/plain" }).end("live updates are unavailable");
        return;
      }
      if (state.closed) return;
      raw.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      raw.write(": connected\n\n");
      state.heartbeat = setInterval(() => raw.write(": ping\n\n"), opts.heartbeatMs ?? 25_000);
    });
  },
);
