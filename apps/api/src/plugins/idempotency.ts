import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { PrismaNamespace, type Db, withTenant } from "@atende/db";
import { AppError } from "../errors";

const HEADER = "idempotency-key";

function principalKey(request: FastifyRequest): string {
  const p = request.principal!;
  return p.kind === "user" ? `user:${p.userId}` : `token:${p.tokenId}`;
}

const SECRET_KEYS = new Set(["password", "token", "secret"]);

/** Secrets never reach the stored fingerprint: a fast hash of a password would be easy to brute-force. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k.toLowerCase()) ? "[secret]" : withoutSecrets(v)]),
    );
  }
  return value;
}

function requestHash(request: FastifyRequest): string {
  return createHash("sha256")
    .update(`${request.method} ${request.url}\n${JSON.stringify(withoutSecrets(request.body ?? null))}`)
    .digest("hex");
}

/**
 * Creating POSTs marked `idempotent` replay their first response for a repeated Idempotency-Key; the same key with a
 * different request is refused. Keys are scoped to the caller, so two clients can never see each other's responses.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.routeOptions.config.idempotent || !request.principal) return;
    const key = request.headers[HEADER];
    if (key === undefined) return;
    if (typeof key !== "string" || key.length < 1 || key.length > 200) {
      throw new AppError("VALIDATION_FAILED", {
        detail: "headers.idempotency-key: 1 to 200 characters",
        fields: [{ path: "headers.idempotency-key", message: "1 to 200 characters" }],
      });
    }
    const hash = requestHash(request);
    const tenantId = request.principal.tenantId;
    const principal = principalKey(request);
    const stored = await withTenant(opts.db, tenantId, (tx) =>
      tx.idempotencyKey.findUnique({ where: { tenantId_principal_key: { tenantId, principal, key } } }),
    );
    if (stored) {
      if (stored.requestHash !== hash) {
        throw new AppError("IDEMPOTENCY_KEY_REUSED", {
          detail: "this Idempotency-Key was used with a different request",
        });
      }
      return reply.code(stored.responseStatus).header("idempotent-replayed", "true").send(stored.responseBody);
    }
    reply.header("x-idempotency-pending", hash);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const hash = reply.getHeader("x-idempotency-pending");
    if (typeof hash !== "string") return payload;
    reply.removeHeader("x-idempotency-pending");
    const key = request.headers[HEADER] as string;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === "string" && request.principal) {
      const tenantId = request.principal.tenantId;
      const body = JSON.parse(payload) as PrismaNamespace.InputJsonValue;
      await withTenant(opts.db, tenantId, (tx) =>
        tx.idempotencyKey.createMany({
          data: [
            {
              tenantId,
              principal: principalKey(request),
              key,
              requestHash: hash,
              responseStatus: reply.statusCode,
              responseBody: body,
            },
          ],
          skipDuplicates: true,
        }),
      );
    }
    return payload;
  });
});
