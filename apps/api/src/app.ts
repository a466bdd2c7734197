import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Redis } from "ioredis";
import type { Queue } from "bullmq";
import type { Db } from "@atende/db";
import type { DispatchOptions, TimerRef } from "@atende/jobs";
import type { Config } from "./config";
import { ZIdempotencyHeaders } from "@atende/contracts";
import { AppError } from "./errors";
import { registerAdminModules } from "./modules/admin";
import type { AuthDeps } from "./modules/auth/auth.service";
import { registerAuthRoutes } from "./modules/auth/auth.routes";
import { registerHealthRoutes } from "./modules/health/health.routes";
import { registerSlaPreviewRoutes } from "./modules/sla/sla-preview.routes";
import { registerTicketRoutes } from "./modules/tickets/tickets.routes";
import { registerExecutionRoutes } from "./modules/execution/execution.routes";
import { registerExecutionExtraRoutes } from "./modules/execution/execution-extra.routes";
import { registerOutboxRoutes } from "./modules/outbox/outbox.routes";
import { registerReportRoutes } from "./modules/reports/reports.routes";
import { liveChannel } from "@atende/desk";
import { authPlugin } from "./plugins/auth";
import { createSessionCache } from "./modules/auth/session-cache";
import { revocationAnnouncer, sessionRevocationsPlugin } from "./modules/auth/session-revocations";
import { errorsPlugin, sendProblem } from "./plugins/errors";
import { idempotencyPlugin } from "./plugins/idempotency";
import { openapiPlugin } from "./plugins/openapi";
import { textGuardPlugin } from "./plugins/text-guard";
import { ssePlugin } from "./plugins/sse";

export type AppDeps = {
  config: Config;
  db: Db;
  redis: Redis;
  timersQueue: Queue;
  /** Enqueues committed timers; failures are left to the worker's sweep. */
  dispatchTimers: (refs: TimerRef[], options?: DispatchOptions) => Promise<void>;
  now?: () => Date;
  logger?: boolean | { level: string };
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    // Signing links carry an 80-character token; the default 100 would answer longer junk with a bare 414.
    routerOptions: { maxParamLength: 300 },
    // Errors the router raises before any route runs (malformed URL, over-long parameter) are problem+json too.
    frameworkErrors: (error, request, reply) =>
      sendProblem(request, reply, {
        code: "VALIDATION_FAILED",
        detail:
          error.code === "FST_ERR_MAX_PARAM_LENGTH"
            ? "a path parameter is longer than 300 characters"
            : "the request URL is malformed",
      }),
    logger: deps.logger ?? {
      level: config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie", "req.headers['x-csrf-token']"],
    },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: config.bodyLimitBytes,
    // Live-update streams never go idle; closing must not wait for browsers to hang up.
    forceCloseConnections: true,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.attachmentMaxBytes, files: 10, fields: 10 } });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    redis: deps.redis,
    nameSpace: `${config.redisPrefix}:rl:`,
    keyGenerator: (request) => request.ip ?? "unknown",
    errorResponseBuilder: (_request, context) =>
      new AppError("RATE_LIMITED", {
        detail: `too many requests: at most ${context.max} per minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
        headers: { "retry-after": String(Math.ceil(context.ttl / 1000)) },
      }),
  });
  await app.register(openapiPlugin);

  const sessions = createSessionCache({ ttlMs: config.sessionCacheTtlMs });
  const announceRevocation = revocationAnnouncer(sessions, deps.redis, config.redisPrefix, (error) =>
    app.log.warn({ err: error }, "session revocation broadcast failed; other processes drop it at their cache TTL"),
  );
  await app.register(sessionRevocationsPlugin, { redis: deps.redis, prefix: config.redisPrefix, cache: sessions });
  const auth: AuthDeps = {
    db,
    now,
    sessions,
    announceRevocation,
    sessionSecret: config.sessionSecret,
    sessionTtlMinutes: config.sessionTtlMinutes,
    loginMaxFailures: config.loginMaxFailures,
    loginLockMinutes: config.loginLockMinutes,
    afterCommit: (refs) =>
      deps
        .dispatchTimers(refs)
        .catch((error: unknown) => app.log.warn({ err: error }, "timer enqueue failed; the sweep will enqueue it")),
  };
  await app.register(authPlugin, { db, auth });
  await app.register(idempotencyPlugin, { db });
  await app.register(textGuardPlugin);

  // Routes that honour Idempotency-Key declare it, so the OpenAPI document tells clients.
  app.addHook("onRoute", (route) => {
    if (route.config?.idempotent) route.schema = { ...route.schema, headers: ZIdempotencyHeaders };
  });

  // Every JSON route refuses other content types with a 415 rather than guessing.
  app.removeContentTypeParser("text/plain");

  registerHealthRoutes(app, { db, redis: deps.redis });
  registerAuthRoutes(app, {
    auth,
    cookieSecure: config.cookieSecure,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
  });
  registerAdminModules(app, { db, now, sessionSecret: config.sessionSecret, announceRevocation });
  registerSlaPreviewRoutes(app);
  registerOutboxRoutes(app);
  registerReportRoutes(app, { now });
  registerTicketRoutes(app, {
    now,
    storageDir: config.storageDir,
    publicUrl: config.publicUrl,
    dispatchTimers: deps.dispatchTimers,
    publish: async (tenantId, event) => {
      await deps.redis.publish(liveChannel(config.redisPrefix, tenantId), JSON.stringify(event));
    },
  });

  const execDeps = {
    db,
    now,
    storageDir: config.storageDir,
    publicUrl: config.publicUrl,
    dispatchTimers: deps.dispatchTimers,
    uploadMaxBytes: config.attachmentMaxBytes,
  };
  registerExecutionRoutes(app, execDeps);
  registerExecutionExtraRoutes(app, execDeps);

  await app.register(ssePlugin, { redis: deps.redis, prefix: config.redisPrefix });
  await registerSpa(app, config.webDistDir);
  return app;
}

async function registerSpa(app: FastifyInstance, dir: string | null) {
  const root = dir ? path.resolve(dir) : null;
  const hasSpa = root !== null && existsSync(path.join(root, "index.html"));
  if (hasSpa) await app.register(fastifyStatic, { root: root!, wildcard: false, index: "index.html" });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith("/api/") || request.url === "/api";
    if (hasSpa && request.method === "GET" && !isApi) return reply.sendFile("index.html");
    return sendProblem(request, reply, {
      code: "ROUTE_NOT_FOUND",
      detail: `no route ${request.method} ${request.url.split("?")[0]}`,
    });
  });
}
