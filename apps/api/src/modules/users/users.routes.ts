import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { pageOf, ZCreateUserRequest, ZIdParams, ZUpdateUserRequest, ZUser, ZUserListQuery } from "@atende/contracts";
import * as service from "./users.service";

export function registerUserRoutes(app: FastifyInstance, deps: service.UserDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["admin"];
  const config = { permission: "tenant.users.manage" } as const;
  r.get(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary: "List users with their roles and groups",
        querystring: ZUserListQuery,
        response: { 200: pageOf(ZUser) },
      },
      config,
    },
    async (request) => service.listUsers(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/users/:id",
    { schema: { tags, summary: "One user", params: ZIdParams, response: { 200: ZUser } }, config },
    async (request) => service.getUser(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary: "Create a user with a password and roles",
        body: ZCreateUserRequest,
        response: { 201: ZUser },
      },
      config: { ...config, idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createUser(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags,
        summary: "Update a user: profile, status, password, roles (replaced as a whole) or unlock",
        params: ZIdParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUser },
      },
      config,
    },
    async (request) => service.updateUser(request.ctx(), deps, request.params.id, request.body),
  );
}
