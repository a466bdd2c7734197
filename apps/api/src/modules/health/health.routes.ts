import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { Db } from "@atende/db";

const ZHealth = z.object({ status: z.literal("ok") });
const ZReady = z.object({
  status: z.enum(["ready", "not_ready"]),
  checks: z.object({ database: z.enum(["ok", "down"]), redis: z.enum(["ok", "down"]) }),
});

async function check(fn: () => Promise<unknown>): Promise<"ok" | "down"> {
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
    return "ok";
  } catch {
    return "down";
  }
}

export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db; redis: Redis }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/health",
    { schema: { tags: ["health"], summary: "Liveness", response: { 200: ZHealth } }, config: { public: true } },
    async () => ({
      status: "ok" as const,
    }),
  );
  r.get(
    "/ready",
    {
      schema: { tags: ["health"], summary: "Readiness: database and Redis", response: { 200: ZReady, 503: ZReady } },
      config: { public: true },
    },
    async (_request, reply) => {
      const [database, redis] = await Promise.all([
        check(() => deps.db.$queryRaw`SELECT 1`),
        check(() => deps.redis.ping()),
      ]);
      const ready = database === "ok" && redis === "ok";
      return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not_ready", checks: { database, redis } });
    },
  );
}
