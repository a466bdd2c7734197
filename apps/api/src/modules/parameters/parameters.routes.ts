import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZBuParameterHistory, ZBuParameterSet, ZIdParams, ZUpdateBuParametersRequest } from "@atende/contracts";
import * as service from "./parameters.service";

export function registerParameterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["parameters"];
  r.get(
    "/api/v1/business-units/:id/parameters",
    {
      schema: { tags, summary: "Current BU parameter set", params: ZIdParams, response: { 200: ZBuParameterSet } },
      config: { permission: "bu.parameters.read" },
    },
    async (request) => service.getParameters(request.ctx(), request.params.id),
  );
  r.put(
    "/api/v1/business-units/:id/parameters",
    {
      schema: {
        tags,
        summary: "Save a new version of the BU parameter set",
        params: ZIdParams,
        body: ZUpdateBuParametersRequest,
        response: { 200: ZBuParameterSet },
      },
      config: { permission: "bu.parameters.edit", userOnly: true },
    },
    async (request) => service.updateParameters(request.ctx(), request.params.id, request.body),
  );
  r.get(
    "/api/v1/business-units/:id/parameters/history",
    {
      schema: {
        tags,
        summary: "Versions of the BU parameter set with their changes",
        params: ZIdParams,
        response: { 200: ZBuParameterHistory },
      },
      config: { permission: "bu.parameters.read" },
    },
    async (request) => service.parameterHistory(request.ctx(), request.params.id),
  );
}
