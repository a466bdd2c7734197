import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZBusinessUnit,
  ZBusinessUnitListQuery,
  ZCreateBusinessUnitRequest,
  ZIdParams,
  ZUpdateBusinessUnitRequest,
} from "@atende/contracts";
import * as service from "./business-units.service";

export function registerBusinessUnitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["admin"];
  r.get(
    "/api/v1/business-units",
    {
      schema: {
        tags,
        summary: "List business units",
        querystring: ZBusinessUnitListQuery,
        response: { 200: pageOf(ZBusinessUnit) },
      },
      config: { permission: "bu.read" },
    },
    async (request) => service.listBusinessUnits(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/business-units/:id",
    {
      schema: { tags, summary: "One business unit", params: ZIdParams, response: { 200: ZBusinessUnit } },
      config: { permission: "bu.read" },
    },
    async (request) => service.getBusinessUnit(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/business-units",
    {
      schema: {
        tags,
        summary: "Create a business unit (with default parameters)",
        body: ZCreateBusinessUnitRequest,
        response: { 201: ZBusinessUnit },
      },
      config: { permission: "tenant.business_units.manage", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createBusinessUnit(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/business-units/:id",
    {
      schema: {
        tags,
        summary: "Update a business unit",
        params: ZIdParams,
        body: ZUpdateBusinessUnitRequest,
        response: { 200: ZBusinessUnit },
      },
      config: { permission: "tenant.business_units.manage" },
    },
    async (request) => service.updateBusinessUnit(request.ctx(), request.params.id, request.body),
  );
}
