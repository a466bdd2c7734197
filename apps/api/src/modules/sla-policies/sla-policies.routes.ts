import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCreateSlaPolicyRequest,
  ZIdParams,
  ZPutSlaMatrixRequest,
  ZServiceSlaPolicy,
  ZSlaMatrix,
  ZSlaMatrixQuery,
  ZSlaPolicyListQuery,
  ZUpdateSlaPolicyRequest,
} from "@atende/contracts";
import * as matrix from "./sla-matrix.service";
import * as service from "./sla-policies.service";

export function registerSlaPolicyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service-desk-admin"];
  r.get(
    "/api/v1/sla-policies",
    {
      schema: {
        tags,
        summary: "List SLA policies",
        querystring: ZSlaPolicyListQuery,
        response: { 200: pageOf(ZServiceSlaPolicy) },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => service.listPolicies(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/sla-policies/matrix",
    {
      schema: {
        tags,
        summary: "Type x priority matrix: the policy a ticket of each cell would get",
        querystring: ZSlaMatrixQuery,
        response: { 200: ZSlaMatrix },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => matrix.getMatrix(request.ctx(), request.query.buId),
  );
  r.put(
    "/api/v1/sla-policies/matrix",
    {
      schema: {
        tags,
        summary: "Save matrix cells: one policy per type and priority, all or nothing",
        body: ZPutSlaMatrixRequest,
        response: { 200: ZSlaMatrix },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => matrix.putMatrix(request.ctx(), request.body),
  );
  r.get(
    "/api/v1/sla-policies/:id",
    {
      schema: { tags, summary: "One SLA policy", params: ZIdParams, response: { 200: ZServiceSlaPolicy } },
      config: { permission: "sla.preview" },
    },
    async (request) => service.getPolicy(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/sla-policies",
    {
      schema: {
        tags,
        summary: "Create an SLA policy",
        body: ZCreateSlaPolicyRequest,
        response: { 201: ZServiceSlaPolicy },
      },
      config: { permission: "bu.parameters.edit", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createPolicy(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/sla-policies/:id",
    {
      schema: {
        tags,
        summary: "Update an SLA policy",
        params: ZIdParams,
        body: ZUpdateSlaPolicyRequest,
        response: { 200: ZServiceSlaPolicy },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => service.updatePolicy(request.ctx(), request.params.id, request.body),
  );
}
