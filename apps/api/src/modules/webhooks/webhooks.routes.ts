import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageOf, ZIdParams, ZPageQuery, ZWebhook, ZWebhookCreated, ZWebhookInput } from "@atende/contracts";
import * as service from "./webhooks.service";

// Integration settings, managed like API tokens. Creation is not idempotent: a replay would show the secret again.
const config = { permission: "tenant.api_tokens.manage", userOnly: true, idempotent: false } as const;

export function registerWebhookRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["admin"];
  r.get(
    "/api/v1/webhooks",
    {
      schema: {
        tags,
        summary: "List webhook endpoints (never their secrets)",
        querystring: ZPageQuery,
        response: { 200: pageOf(ZWebhook) },
      },
      config,
    },
    async (request) => service.listWebhooks(request.ctx(), request.query),
  );
  r.post(
    "/api/v1/webhooks",
    {
      schema: {
        tags,
        summary:
          "Register a webhook endpoint; the response carries its signing secret, shown only this once. Deliveries " +
          "are signed in the X-Atende-Signature header: t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>",
        body: ZWebhookInput,
        response: { 201: ZWebhookCreated },
      },
      config,
    },
    async (request, reply) => reply.code(201).send(await service.createWebhook(request.ctx(), request.body)),
  );
  r.delete(
    "/api/v1/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Delete a webhook endpoint; deliveries still queued for it are dropped",
        params: ZIdParams,
        response: { 204: z.null().describe("Deleted") },
      },
      config,
    },
    async (request, reply) => {
      await service.deleteWebhook(request.ctx(), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
