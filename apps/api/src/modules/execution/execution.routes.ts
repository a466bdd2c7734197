import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  pageOf,
  ZCancelJobBody,
  ZChangeAddressBody,
  ZChangeContactBody,
  ZConfirmPaperBody,
  ZIdParams,
  ZJob,
  ZModifyDurationBody,
  ZOrderBody,
  ZOrderCancel,
  ZOrderCreate,
  ZOrderParams,
  ZOrderResult,
  ZProjectDetail,
  ZProjectListQuery,
  ZProjectSummary,
  ZRescheduleBody,
  ZSendContractBody,
  ZSendContractResult,
  ZSkipContractBody,
} from "@atende/contracts";
import type { TJob } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import * as contracts from "./contract-actions.service";
import type { ExecApiDeps } from "./exec-api-deps";
import * as actions from "./job-actions.service";
import { readJobUploads } from "./job-documents.service";
import * as jobs from "./jobs.service";
import * as orders from "./orders.service";
import * as projects from "./projects.service";

export function registerExecutionRoutes(app: FastifyInstance, deps: ExecApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const orderTags = ["orders"];
  r.post(
    "/api/v1/orders",
    {
      schema: {
        tags: orderTags,
        summary:
          "The order system sends a new order: its services become jobs grouped into projects (idempotent by order id)",
        body: ZOrderCreate,
        response: { 200: ZOrderResult, 201: ZOrderResult },
      },
      config: { permission: "orders.write", idempotent: true },
    },
    async (request, reply) => {
      const { created, result } = await orders.createOrder(deps, request.ctx(), request.body);
      return reply.code(created ? 201 : 200).send(result);
    },
  );
  r.put(
    "/api/v1/orders/:orderId",
    {
      schema: {
        tags: orderTags,
        summary: "The order system updates an order: jobs take the change where their status allows it",
        params: ZOrderParams,
        body: ZOrderBody,
        response: { 200: ZOrderResult },
      },
      config: { permission: "orders.write" },
    },
    async (request) => orders.updateOrder(deps, request.ctx(), request.params.orderId, request.body),
  );
  r.post(
    "/api/v1/orders/:orderId/cancel",
    {
      schema: {
        tags: orderTags,
        summary:
          "The order system cancels an order: jobs not yet in progress are cancelled, the others stay and say so",
        params: ZOrderParams,
        body: ZOrderCancel,
        response: { 200: ZOrderResult },
      },
      config: { permission: "orders.write" },
    },
    async (request) => orders.cancelOrder(deps, request.ctx(), request.params.orderId, request.body.reason ?? null),
  );

  const tags = ["projects"];
  r.get(
    "/api/v1/projects",
    {
      schema: {
        tags,
        summary: "Projects, newest first: search and filters; cancelled hidden by default",
        querystring: ZProjectListQuery,
        response: { 200: pageOf(ZProjectSummary) },
      },
      // The hottest read: the handler's result is typed against the schema at compile time, so the response is
      // written without a second runtime validation (the schema still documents it in OpenAPI).
      serializerCompiler: () => (data) => JSON.stringify(data),
      config: { permission: "projects.read" },
    },
    async (request) => projects.listProjects(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/projects/:id",
    {
      schema: { tags, summary: "A project with its jobs", params: ZIdParams, response: { 200: ZProjectDetail } },
      config: { permission: "projects.read" },
    },
    async (request) => projects.getProject(request.ctx(), request.params.id),
  );
  r.get(
    "/api/v1/jobs/:id",
    {
      schema: {
        tags,
        summary: "A job, with the actions allowed to you now",
        params: ZIdParams,
        response: { 200: ZJob },
      },
      config: { permission: "projects.read" },
    },
    async (request) => jobs.getJob(request.ctx(), request.params.id, deps.now()),
  );

  const jobAction = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (id: string, body: z.output<B>, ctx: RequestContext) => Promise<TJob>,
  ) =>
    r.post(
      `/api/v1/jobs/:id/${path}`,
      {
        schema: { tags, summary, params: ZIdParams, body, response: { 200: ZJob } },
        config: { permission: "projects.read", userOnly: true },
      },
      async (request) => run(request.params.id, request.body as z.output<B>, request.ctx()),
    );
  jobAction(
    "reschedule",
    "Move the planned date (not before the order's constraint)",
    ZRescheduleBody,
    (id, body, ctx) => actions.reschedule(deps, ctx, id, body),
  );
  jobAction("change-address", "Change the worksite address (local to the job)", ZChangeAddressBody, (id, body, ctx) =>
    actions.changeAddress(deps, ctx, id, body),
  );
  jobAction("change-contact", "Change the customer contact (local to the job)", ZChangeContactBody, (id, body, ctx) =>
    actions.changeContact(deps, ctx, id, body),
  );
  jobAction(
    "modify-duration",
    "Change the duration (sellers only down to the BU ratio)",
    ZModifyDurationBody,
    (id, body, ctx) => actions.modifyDuration(deps, ctx, id, body),
  );
  jobAction(
    "cancel",
    "Cancel the job for good (execution admins; reason and justification)",
    ZCancelJobBody,
    (id, body, ctx) => actions.cancelJob(deps, ctx, id, body),
  );
  jobAction(
    "contract/confirm-paper",
    "The customer signed the printed contract (event 127)",
    ZConfirmPaperBody,
    (id, body, ctx) => contracts.confirmPaper(deps, ctx, id, body.version),
  );
  jobAction(
    "contract/skip",
    "Skip the contract where the BU allows it (event 142)",
    ZSkipContractBody,
    (id, body, ctx) => contracts.skipJobContract(deps, ctx, id, body),
  );

  r.post(
    "/api/v1/jobs/:id/contract/send",
    {
      schema: {
        tags,
        summary: "Generate a new contract version and send it by e-mail, show it as a QR code, or print it",
        params: ZIdParams,
        body: ZSendContractBody,
        response: { 200: ZSendContractResult },
      },
      config: { permission: "projects.read", userOnly: true },
    },
    async (request) => contracts.sendJobContract(deps, request.ctx(), request.params.id, request.body.channel),
  );
  r.get(
    "/api/v1/jobs/:id/contract/pdf",
    {
      schema: {
        tags,
        summary: "The contract PDF (latest version unless ?version=)",
        params: ZIdParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).max(10_000).optional() }),
        produces: ["application/pdf"],
      },
      config: { permission: "projects.read" },
    },
    async (request, reply) => {
      const file = await contracts.contractPdf(deps, request.ctx(), request.params.id, request.query.version ?? null);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${file.filename}"`)
        .send(file.bytes);
    },
  );
  r.post(
    "/api/v1/jobs/:id/contract/signed-scan",
    {
      schema: {
        tags,
        summary: "Upload the scanned paper contract (event 128; multipart field file)",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        response: { 200: ZJob },
      },
      config: { permission: "projects.read", userOnly: true },
    },
    async (request) => {
      await jobs.getJob(request.ctx(), request.params.id, deps.now());
      if (!request.isMultipart())
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", { detail: "send the scan as multipart/form-data" });
      const uploads = await readJobUploads(request.files());
      if (uploads.length !== 1)
        throw new AppError("VALIDATION_FAILED", {
          detail: "body.file: send exactly one file",
          fields: [{ path: "body.file", message: "send exactly one file" }],
        });
      return contracts.uploadSignedScan(deps, request.ctx(), request.params.id, uploads[0]!);
    },
  );
}
