import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCreateGroupRequest,
  ZGroup,
  ZGroupListQuery,
  ZIdParams,
  ZUpdateGroupRequest,
} from "@atende/contracts";
import * as service from "./groups.service";

export function registerGroupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["admin"];
  r.get(
    "/api/v1/groups",
    {
      schema: {
        tags,
        summary: "List groups with their members",
        querystring: ZGroupListQuery,
        response: { 200: pageOf(ZGroup) },
      },
      config: { permission: "bu.read" },
    },
    async (request) => service.listGroups(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/groups/:id",
    {
      schema: { tags, summary: "One group", params: ZIdParams, response: { 200: ZGroup } },
      config: { permission: "bu.read" },
    },
    async (request) => service.getGroup(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/groups",
    {
      schema: {
        tags,
        summary: "Create a group, optionally tied to a business unit",
        body: ZCreateGroupRequest,
        response: { 201: ZGroup },
      },
      config: { permission: "tenant.groups.manage", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createGroup(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/groups/:id",
    {
      schema: {
        tags,
        summary: "Update a group; memberIds, when given, replaces the members",
        params: ZIdParams,
        body: ZUpdateGroupRequest,
        response: { 200: ZGroup },
      },
      config: { permission: "tenant.groups.manage" },
    },
    async (request) => service.updateGroup(request.ctx(), request.params.id, request.body),
  );
}
