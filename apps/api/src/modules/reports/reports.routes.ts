import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZSlaReport, ZSlaReportQuery } from "@atende/contracts";
import * as service from "./reports.service";
import { sendCsv } from "../../lib/csv";

export function registerReportRoutes(app: FastifyInstance, deps: { now: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/reports/sla",
    {
      schema: {
        tags: ["reports"],
        summary: "SLA compliance by priority, group and month; backlog aging; time distributions",
        querystring: ZSlaReportQuery,
        response: { 200: ZSlaReport },
      },
      config: { permission: "reports.read" },
    },
    async (request) => service.slaReport(request.ctx(), request.query, deps.now()),
  );
  r.get(
    "/api/v1/reports/sla/export",
    {
      schema: {
        tags: ["reports"],
        summary: "SLA compliance as CSV",
        querystring: ZSlaReportQuery,
        produces: ["text/csv"],
        response: { 200: z.string() },
      },
      config: { permission: "reports.read" },
    },
    async (request, reply) =>
      sendCsv(reply, "sla-compliance.csv", await service.slaReportCsv(request.ctx(), request.query, deps.now())),
  );
}
