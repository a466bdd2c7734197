import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZIdParams,
  ZJobDocument,
  ZJobDocumentParams,
  ZJobDocumentQuery,
  ZJobEvent,
  ZJobNote,
  ZJobNoteInput,
  ZOk,
  ZPendingContract,
  ZPortalProject,
  ZSignBody,
  ZSigningTokenParams,
  ZSigningView,
  ZTaskCount,
} from "@atende/contracts";
import { AppError } from "../../errors";
import type { ExecApiDeps } from "./exec-api-deps";
import * as documents from "./job-documents.service";
import * as signing from "./signing.service";

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const userAgentOf = (headers: Record<string, unknown>) =>
  typeof headers["user-agent"] === "string" ? headers["user-agent"].slice(0, 300) : null;

export function registerExecutionExtraRoutes(app: FastifyInstance, deps: ExecApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["projects"];
  const staff = { permission: "projects.read" as const };
  r.get(
    "/api/v1/jobs/:id/notes",
    {
      schema: { tags, summary: "The job's notes, newest first", params: ZIdParams, response: { 200: items(ZJobNote) } },
      config: staff,
    },
    async (request) => documents.listNotes(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/jobs/:id/notes",
    {
      schema: {
        tags,
        summary: "Add an internal note, optionally forwarded to the provider",
        params: ZIdParams,
        body: ZJobNoteInput,
        response: { 201: ZJobNote },
      },
      // A retried note (same Idempotency-Key) must not be added twice.
      config: { ...staff, userOnly: true, idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(await documents.addNote(deps, request.ctx(), request.params.id, request.body)),
  );
  r.get(
    "/api/v1/jobs/:id/history",
    {
      schema: {
        tags,
        summary: "The job's numbered history events",
        params: ZIdParams,
        response: { 200: items(ZJobEvent) },
      },
      config: staff,
    },
    async (request) => documents.history(request.ctx(), request.params.id),
  );
  r.get(
    "/api/v1/jobs/:id/documents",
    {
      schema: {
        tags,
        summary: "The job's documents (internal only)",
        params: ZIdParams,
        response: { 200: items(ZJobDocument) },
      },
      config: staff,
    },
    async (request) => documents.listDocuments(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/jobs/:id/documents",
    {
      schema: {
        tags,
        summary:
          "Upload documents (multipart, several file parts): png, jpg, jpeg, csv, pdf, xlsx, xls, checked from their content",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        querystring: ZJobDocumentQuery,
        response: { 201: items(ZJobDocument) },
      },
      config: { ...staff, userOnly: true },
    },
    async (request, reply) => {
      await documents.listDocuments(request.ctx(), request.params.id);
      if (!request.isMultipart())
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", { detail: "send the files as multipart/form-data" });
      const uploads = await documents.readJobUploads(request.files());
      return reply
        .code(201)
        .send(await documents.addDocuments(deps, request.ctx(), request.params.id, request.query.category, uploads));
    },
  );
  r.get(
    "/api/v1/jobs/:id/documents/:documentId",
    {
      schema: {
        tags,
        summary: "Download a document",
        params: ZJobDocumentParams,
        produces: ["application/octet-stream"],
      },
      config: staff,
    },
    async (request, reply) => {
      const file = await documents.documentFile(deps, request.ctx(), request.params.id, request.params.documentId);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${encodeURIComponent(file.filename)}"`)
        .header("x-content-type-options", "nosniff")
        .send(file.bytes);
    },
  );

  const monitoring = ["monitoring"];
  r.get(
    "/api/v1/monitoring/contracts-pending",
    {
      schema: {
        tags: monitoring,
        summary: "Contracts waiting for the customer's signature, oldest first",
        response: { 200: items(ZPendingContract) },
      },
      config: { permission: "jobs.operate" },
    },
    async (request) => signing.pendingContracts(request.ctx(), deps.now()),
  );
  r.get(
    "/api/v1/monitoring/tasks",
    {
      schema: { tags: monitoring, summary: "Open system tasks per kind", response: { 200: items(ZTaskCount) } },
      config: { permission: "jobs.operate" },
    },
    async (request) => signing.taskCounts(request.ctx()),
  );

  const portal = ["portal"];
  r.get(
    "/api/v1/portal/projects",
    {
      schema: { tags: portal, summary: "My projects and their jobs", response: { 200: items(ZPortalProject) } },
      config: { permission: "tickets.portal" },
    },
    async (request) => signing.portalProjects(request.ctx()),
  );
  r.get(
    "/api/v1/portal/jobs/:id/contract",
    {
      schema: { tags: portal, summary: "The contract of my job", params: ZIdParams, response: { 200: ZSigningView } },
      config: { permission: "tickets.portal" },
    },
    async (request) => signing.portalContractView(request.ctx(), request.params.id),
  );
  r.get(
    "/api/v1/portal/jobs/:id/contract/pdf",
    {
      schema: { tags: portal, summary: "The contract PDF of my job", params: ZIdParams, produces: ["application/pdf"] },
      config: { permission: "tickets.portal" },
    },
    async (request, reply) =>
      reply.type("application/pdf").send(await signing.portalContractPdf(deps, request.ctx(), request.params.id)),
  );
  r.post(
    "/api/v1/portal/jobs/:id/contract/sign",
    {
      schema: {
        tags: portal,
        summary: "Sign my job's contract (typed name and consent)",
        params: ZIdParams,
        body: ZSignBody,
        response: { 200: ZOk },
      },
      config: { permission: "tickets.portal", userOnly: true },
    },
    async (request) =>
      signing.signInPortal(
        deps,
        request.ctx(),
        request.params.id,
        request.body.signerName,
        userAgentOf(request.headers),
      ),
  );

  const publicTags = ["signing"];
  r.get(
    "/api/v1/public/contracts/:token",
    {
      schema: {
        tags: publicTags,
        summary: "The contract behind a signing link (no sign-in)",
        params: ZSigningTokenParams,
        response: { 200: ZSigningView },
      },
      config: { public: true },
    },
    async (request) => signing.publicContract(deps, request.params.token),
  );
  r.get(
    "/api/v1/public/contracts/:token/pdf",
    {
      schema: {
        tags: publicTags,
        summary: "The contract PDF behind a signing link",
        params: ZSigningTokenParams,
        produces: ["application/pdf"],
      },
      config: { public: true },
    },
    async (request, reply) =>
      reply.type("application/pdf").send(await signing.publicContractPdf(deps, request.params.token)),
  );
  r.post(
    "/api/v1/public/contracts/:token/sign",
    {
      schema: {
        tags: publicTags,
        summary: "Sign through the link (typed name and consent)",
        params: ZSigningTokenParams,
        body: ZSignBody,
        response: { 200: ZOk },
      },
      config: { public: true },
    },
    async (request) =>
      signing.signByLink(
        deps,
        request.params.token,
        request.body.signerName,
        request.ip ?? null,
        userAgentOf(request.headers),
      ),
  );
}
