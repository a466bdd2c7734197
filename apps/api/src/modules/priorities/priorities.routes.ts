import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZPriorityList, ZReplacePrioritiesRequest } from "@atende/contracts";
import * as service from "./priorities.service";

export function registerPriorityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service-desk-admin"];
  r.get(
    "/api/v1/priorities",
    {
      schema: { tags, summary: "The tenant's priority levels", response: { 200: ZPriorityList } },
      config: { permission: "bu.read" },
    },
    async (request) => service.getPriorities(request.ctx()),
  );
  r.put(
    "/api/v1/priorities",
    {
      schema: {
        tags,
        summary: "Replace the tenant's priority levels",
        body: ZReplacePrioritiesRequest,
        response: { 200: ZPriorityList },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => service.replacePriorities(request.ctx(), request.body),
  );
}
