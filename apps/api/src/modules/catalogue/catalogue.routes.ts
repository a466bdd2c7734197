import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCatalogueItem,
  ZCatalogueListQuery,
  ZCreateCatalogueItemRequest,
  ZIdParams,
  ZUpdateCatalogueItemRequest,
} from "@atende/contracts";
import * as service from "./catalogue.service";

export function registerCatalogueRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service-desk-admin"];
  r.get(
    "/api/v1/catalogue-items",
    {
      schema: {
        tags,
        summary: "List service catalogue items",
        querystring: ZCatalogueListQuery,
        response: { 200: pageOf(ZCatalogueItem) },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => service.listCatalogueItems(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/catalogue-items/:id",
    {
      schema: { tags, summary: "One catalogue item", params: ZIdParams, response: { 200: ZCatalogueItem } },
      config: { permission: "sla.preview" },
    },
    async (request) => service.getCatalogueItem(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/catalogue-items",
    {
      schema: {
        tags,
        summary: "Create a catalogue item (and the SLA policy carrying its targets)",
        body: ZCreateCatalogueItemRequest,
        response: { 201: ZCatalogueItem },
      },
      config: { permission: "bu.parameters.edit", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createCatalogueItem(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/catalogue-items/:id",
    {
      schema: {
        tags,
        summary: "Update a catalogue item (its SLA policy follows)",
        params: ZIdParams,
        body: ZUpdateCatalogueItemRequest,
        response: { 200: ZCatalogueItem },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => service.updateCatalogueItem(request.ctx(), request.params.id, request.body),
  );
}
