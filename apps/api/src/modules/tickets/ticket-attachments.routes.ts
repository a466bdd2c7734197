import { createReadStream } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZAttachmentParams, ZIdParams, ZTicketAttachment } from "@atende/contracts";
import { AppError } from "../../errors";
import * as attachments from "./ticket-attachments.service";
import type { TicketDeps } from "./ticket-deps";

const ZList = z.object({ items: z.array(ZTicketAttachment) });

export function registerAttachmentRoutes(app: FastifyInstance, deps: TicketDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["tickets"];
  r.post(
    "/api/v1/tickets/:id/attachments",
    {
      schema: {
        tags,
        summary: "Upload files (multipart/form-data); each type is checked from its content",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        response: { 201: ZList },
      },
    },
    async (request, reply) => {
      // The ticket is checked first: another tenant's ticket is a 404 whatever was sent.
      await attachments.listAttachments(request.ctx(), request.params.id);
      if (!request.isMultipart())
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", { detail: "send the files as multipart/form-data" });
      const uploads = await attachments.readUploads(request.files());
      return reply.code(201).send(await attachments.addAttachments(deps, request.ctx(), request.params.id, uploads));
    },
  );
  r.get(
    "/api/v1/tickets/:id/attachments",
    { schema: { tags, summary: "The ticket's files", params: ZIdParams, response: { 200: ZList } } },
    async (request) => attachments.listAttachments(request.ctx(), request.params.id),
  );
  r.get(
    "/api/v1/tickets/:id/attachments/:attachmentId",
    {
      schema: { tags, summary: "Download one file", params: ZAttachmentParams, produces: ["application/octet-stream"] },
    },
    async (request, reply) => {
      const file = await attachments.findAttachmentFile(
        deps,
        request.ctx(),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${encodeURIComponent(file.filename)}"`)
        .header("x-content-type-options", "nosniff")
        .send(createReadStream(file.path));
    },
  );
}
