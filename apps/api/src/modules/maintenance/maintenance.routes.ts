import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCreateMaintenanceWindowRequest,
  ZMaintenanceListQuery,
  ZMaintenanceWindow,
  ZMaintenanceWindowCreated,
} from "@atende/contracts";
import * as service from "./maintenance.service";

export function registerMaintenanceRoutes(app: FastifyInstance, deps: { now: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service-desk-admin"];
  r.get(
    "/api/v1/maintenance-windows",
    {
      schema: {
        tags,
        summary: "Maintenance windows overlapping a period, by start",
        querystring: ZMaintenanceListQuery,
        response: { 200: pageOf(ZMaintenanceWindow) },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => service.listWindows(request.ctx(), request.query),
  );
  r.post(
    "/api/v1/maintenance-windows",
    {
      schema: {
        tags,
        summary: "Announce a maintenance window (e-mails every subscriber)",
        body: ZCreateMaintenanceWindowRequest,
        response: { 201: ZMaintenanceWindowCreated },
      },
      config: { permission: "bu.parameters.edit", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createWindow(request.ctx(), request.body, deps.now())),
  );
}
