import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZSlaPreviewRequest, ZSlaPreviewResponse } from "@atende/contracts";
import { previewDueDates } from "./sla-preview.service";

export function registerSlaPreviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/v1/sla/preview",
    {
      schema: {
        tags: ["sla"],
        summary: "Due dates a calendar and targets give for a start time (pure computation, nothing stored)",
        body: ZSlaPreviewRequest,
        response: { 200: ZSlaPreviewResponse },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => previewDueDates(request.body),
  );
}
