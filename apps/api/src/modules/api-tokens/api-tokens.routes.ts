import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZApiToken,
  ZApiTokenListQuery,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
  ZIdParams,
} from "@atende/contracts";
import * as service from "./api-tokens.service";

// Tokens never manage tokens; creation is not idempotent because a replay would show the secret a second time.
const config = { permission: "tenant.api_tokens.manage", userOnly: true, idempotent: false } as const;

export function registerApiTokenRoutes(app: FastifyInstance, deps: service.ApiTokenDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["admin"];
  r.get(
    "/api/v1/api-tokens",
    {
      schema: {
        tags,
        summary: "List API tokens (never their secrets)",
        querystring: ZApiTokenListQuery,
        response: { 200: pageOf(ZApiToken) },
      },
      config,
    },
    async (request) => service.listApiTokens(request.ctx(), request.query),
  );
  r.post(
    "/api/v1/api-tokens",
    {
      schema: {
        tags,
        summary: "Create an API token; the response carries its secret, shown only this once",
        body: ZCreateApiTokenRequest,
        response: { 201: ZCreatedApiToken },
      },
      config,
    },
    async (request, reply) => reply.code(201).send(await service.createApiToken(request.ctx(), deps, request.body)),
  );
  r.post(
    "/api/v1/api-tokens/:id/revoke",
    {
      schema: {
        tags,
        summary: "Revoke an API token (revoking twice changes nothing)",
        params: ZIdParams,
        response: { 200: ZApiToken },
      },
      config,
    },
    async (request) => service.revokeApiToken(request.ctx(), deps, request.params.id),
  );
}
