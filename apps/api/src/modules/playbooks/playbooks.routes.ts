import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCreatePlaybookRequest,
  ZIdParams,
  ZPlaybook,
  ZPlaybookListQuery,
  ZUpdatePlaybookRequest,
} from "@atende/contracts";
import * as service from "./playbooks.service";

export function registerPlaybookRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service-desk-admin"];
  r.get(
    "/api/v1/playbooks",
    {
      schema: {
        tags,
        summary: "List playbooks",
        querystring: ZPlaybookListQuery,
        response: { 200: pageOf(ZPlaybook) },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => service.listPlaybooks(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/playbooks/:id",
    {
      schema: { tags, summary: "One playbook", params: ZIdParams, response: { 200: ZPlaybook } },
      config: { permission: "sla.preview" },
    },
    async (request) => service.getPlaybook(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/playbooks",
    {
      schema: {
        tags,
        summary: "Create a playbook: a trigger and an ordered checklist",
        body: ZCreatePlaybookRequest,
        response: { 201: ZPlaybook },
      },
      config: { permission: "bu.parameters.edit", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createPlaybook(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/playbooks/:id",
    {
      schema: {
        tags,
        summary: "Update a playbook",
        params: ZIdParams,
        body: ZUpdatePlaybookRequest,
        response: { 200: ZPlaybook },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => service.updatePlaybook(request.ctx(), request.params.id, request.body),
  );
}
