import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageOf, ZAuditEntry, ZAuditExportQuery, ZAuditListQuery } from "@atende/contracts";
import * as service from "./audit.service";
import { sendCsv } from "../../lib/csv";

export function registerAuditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["audit"];
  r.get(
    "/api/v1/audit",
    {
      schema: {
        tags,
        summary: "Audit log, newest first, filtered",
        querystring: ZAuditListQuery,
        response: { 200: pageOf(ZAuditEntry) },
      },
      config: { permission: "audit.read" },
    },
    async (request) => service.listAuditEntries(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/audit/export",
    {
      schema: {
        tags,
        summary: "Audit log as CSV with the same filters",
        querystring: ZAuditExportQuery,
        produces: ["text/csv"],
        response: { 200: z.string() },
      },
      config: { permission: "audit.read" },
    },
    async (request, reply) => {
      const csv = await service.exportAuditCsv(request.ctx(), request.query);
      return sendCsv(reply, `audit-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    },
  );
}
