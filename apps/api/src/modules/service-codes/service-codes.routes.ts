import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCatalogueImportQuery,
  ZCatalogueQuery,
  ZIdParams,
  ZImportResult,
  ZServiceCode,
  ZServiceCodeInput,
  ZServiceCodeUpdate,
} from "@atende/contracts";
import { acceptCsvBodies, csvText, ZCsvBody } from "../../lib/csv-body";
import * as service from "./service-codes.service";

const tags = ["execution-admin"];

export function registerServiceCodeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/service-codes",
    {
      schema: {
        tags,
        summary: "List service codes of the readable business units",
        querystring: ZCatalogueQuery,
        response: { 200: pageOf(ZServiceCode) },
      },
      config: { permission: "bu.read" },
    },
    async (request) => service.listServiceCodes(request.ctx(), request.query),
  );
  r.post(
    "/api/v1/service-codes",
    {
      schema: {
        tags,
        summary: "Create a service code in a business unit",
        body: ZServiceCodeInput,
        response: { 201: ZServiceCode },
      },
      config: { permission: "bu.parameters.edit", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createServiceCode(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/service-codes/:id",
    {
      schema: {
        tags,
        summary: "Update a service code (its code and business unit never change)",
        params: ZIdParams,
        body: ZServiceCodeUpdate,
        response: { 200: ZServiceCode },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => service.updateServiceCode(request.ctx(), request.params.id, request.body),
  );
  // Its own scope, so text/csv is accepted by this route alone.
  void app.register(async (scope) => {
    acceptCsvBodies(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/v1/service-codes/import",
      {
        schema: {
          tags,
          summary:
            "Import service codes from CSV (code,label,profession,specialty,durationMinutes,customerPrice," +
            "providerPrice,sxType; prices as decimals): upserts by code, all or nothing, at most 5,000 lines",
          consumes: ["text/csv"],
          querystring: ZCatalogueImportQuery,
          body: ZCsvBody,
          response: { 200: ZImportResult },
        },
        config: { permission: "bu.parameters.edit" },
      },
      async (request) => service.importServiceCodes(request.ctx(), request.query.buId, csvText(request)),
    );
  });
}
