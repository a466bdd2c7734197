import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCreateStoreRequest,
  ZIdParams,
  ZStore,
  ZStoreListQuery,
  ZUpdateStoreRequest,
} from "@atende/contracts";
import * as service from "./stores.service";

export function registerStoreRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["admin"];
  r.get(
    "/api/v1/stores",
    {
      schema: {
        tags,
        summary: "List stores of the business units you can see",
        querystring: ZStoreListQuery,
        response: { 200: pageOf(ZStore) },
      },
      config: { permission: "bu.read" },
    },
    async (request) => service.listStores(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/stores/:id",
    {
      schema: { tags, summary: "One store", params: ZIdParams, response: { 200: ZStore } },
      config: { permission: "bu.read" },
    },
    async (request) => service.getStore(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/stores",
    {
      schema: {
        tags,
        summary: "Create a store in a business unit",
        body: ZCreateStoreRequest,
        response: { 201: ZStore },
      },
      config: { permission: "tenant.stores.manage", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createStore(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/stores/:id",
    {
      schema: {
        tags,
        summary: "Update a store",
        params: ZIdParams,
        body: ZUpdateStoreRequest,
        response: { 200: ZStore },
      },
      config: { permission: "tenant.stores.manage" },
    },
    async (request) => service.updateStore(request.ctx(), request.params.id, request.body),
  );
}
