import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCatalogueImportQuery,
  ZCatalogueQuery,
  ZIdParams,
  ZImportResult,
  ZProduct,
  ZProductInput,
  ZProductUpdate,
} from "@atende/contracts";
import { acceptCsvBodies, csvText, ZCsvBody } from "../../lib/csv-body";
import * as service from "./products.service";

const tags = ["execution-admin"];

export function registerProductRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/products",
    {
      schema: {
        tags,
        summary: "List products of the readable business units",
        querystring: ZCatalogueQuery,
        response: { 200: pageOf(ZProduct) },
      },
      config: { permission: "bu.read" },
    },
    async (request) => service.listProducts(request.ctx(), request.query),
  );
  r.post(
    "/api/v1/products",
    {
      schema: {
        tags,
        summary: "Create a product in a business unit",
        body: ZProductInput,
        response: { 201: ZProduct },
      },
      config: { permission: "bu.parameters.edit", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createProduct(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/products/:id",
    {
      schema: {
        tags,
        summary: "Update a product (its SKU and business unit never change)",
        params: ZIdParams,
        body: ZProductUpdate,
        response: { 200: ZProduct },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => service.updateProduct(request.ctx(), request.params.id, request.body),
  );
  // Its own scope, so text/csv is accepted by this route alone.
  void app.register(async (scope) => {
    acceptCsvBodies(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/v1/products/import",
      {
        schema: {
          tags,
          summary: "Import products from CSV (sku,label): upserts by SKU, all or nothing, at most 5,000 lines",
          consumes: ["text/csv"],
          querystring: ZCatalogueImportQuery,
          body: ZCsvBody,
          response: { 200: ZImportResult },
        },
        config: { permission: "bu.parameters.edit" },
      },
      async (request) => service.importProducts(request.ctx(), request.query.buId, csvText(request)),
    );
  });
}
