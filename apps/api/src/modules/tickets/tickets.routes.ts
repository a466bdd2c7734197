import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  pageOf,
  ZAssignTicketRequest,
  ZClassifyTicketRequest,
  ZCreateTicketMessageRequest,
  ZCreateTicketRequest,
  ZIdParams,
  ZTicket,
  ZTicketActionRequest,
  ZTicketDetail,
  ZTicketEvent,
  ZTicketListQuery,
  ZTicketMessage,
  ZUpdateTicketTagsRequest,
  ZBulkTicketRequest,
  ZBulkTicketResponse,
  ZSurvey,
  ZSurveyAnswerRequest,
  ZTicketExportQuery,
  ZChecklistItemParams,
  ZCreateTicketLinkRequest,
  ZStartPlaybookRequest,
  ZTicketRelations,
  ZUpdateChecklistItemRequest,
  ZWatcherRequest,
  ZChecklistItem,
  ZCreateChecklistItemRequest,
} from "@atende/contracts";
import { startPlaybook } from "./playbook-start.service";
import * as relations from "./ticket-relations.service";
import * as survey from "./ticket-survey.service";
import * as actions from "./ticket-actions.service";
import type { TicketDeps } from "./ticket-deps";
import { registerAttachmentRoutes } from "./ticket-attachments.routes";
import * as messages from "./ticket-messages.service";
import * as tickets from "./tickets.service";
import { sendCsv } from "../../lib/csv";
import { sendJsonText } from "../../lib/json-text";

export function registerTicketRoutes(app: FastifyInstance, deps: TicketDeps) {
  registerAttachmentRoutes(app, deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["tickets"];
  r.post(
    "/api/v1/tickets",
    {
      schema: {
        tags,
        summary: "Open a ticket (agents for a customer; customers for themselves)",
        body: ZCreateTicketRequest,
        response: { 201: ZTicketDetail },
      },
      config: { idempotent: true },
      // The desk's hottest write: the detail is built from what was just written and typed against the schema at
      // compile time, so it is written without a second runtime validation (decision 0010).
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request, reply) => reply.code(201).send(await tickets.createTicket(deps, request.ctx(), request.body)),
  );
  r.get(
    "/api/v1/tickets",
    {
      schema: {
        tags,
        summary: "Ticket queue: views, filters, full-text search, sorted by next SLA due",
        querystring: ZTicketListQuery,
        response: { 200: pageOf(ZTicket) },
      },
      // The queue is the desk's hottest read: PostgreSQL renders its items as JSON in the API's shape, and the page is
      // sent as that text without a runtime validation (the schema still documents it in OpenAPI; decision 0020).
    },
    async (request, reply) => {
      const page = await tickets.listTickets(deps, request.ctx(), request.query);
      return sendJsonText(reply, `{"items":${page.itemsJson},"nextCursor":${JSON.stringify(page.nextCursor)}}`);
    },
  );
  r.get(
    "/api/v1/tickets/export",
    {
      schema: {
        tags,
        summary: "The queue as CSV (same view and filters)",
        querystring: ZTicketExportQuery,
        produces: ["text/csv"],
        response: { 200: z.string() },
      },
    },
    async (request, reply) =>
      sendCsv(reply, "tickets.csv", await tickets.exportTicketsCsv(deps, request.ctx(), request.query)),
  );
  r.post(
    "/api/v1/tickets/bulk",
    {
      schema: {
        tags,
        summary: "Assign and/or acknowledge or start many tickets",
        body: ZBulkTicketRequest,
        response: { 200: ZBulkTicketResponse },
      },
    },
    async (request) => actions.bulkUpdateTickets(deps, request.ctx(), request.body),
  );
  r.get(
    "/api/v1/tickets/:id/survey",
    {
      schema: {
        tags,
        summary: "The satisfaction survey sent on resolution",
        params: ZIdParams,
        response: { 200: ZSurvey },
      },
    },
    async (request) => survey.getSurvey(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/tickets/:id/survey",
    {
      schema: {
        tags,
        summary: "Answer the satisfaction survey (the requester, once)",
        params: ZIdParams,
        body: ZSurveyAnswerRequest,
        response: { 200: ZSurvey },
      },
    },
    async (request) => survey.answerSurvey(request.ctx(), request.params.id, request.body, deps.now()),
  );
  r.get(
    "/api/v1/tickets/:id",
    {
      schema: {
        tags,
        summary: "A ticket with its SLA clocks and the actions allowed to you",
        params: ZIdParams,
        response: { 200: ZTicketDetail },
      },
    },
    async (request) => tickets.getTicket(deps, request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/tickets/:id/actions",
    {
      schema: {
        tags,
        summary: "Move a ticket through its status machine",
        params: ZIdParams,
        body: ZTicketActionRequest,
        response: { 200: ZTicketDetail },
      },
    },
    async (request) => actions.applyTicketAction(deps, request.ctx(), request.params.id, request.body),
  );
  r.put(
    "/api/v1/tickets/:id/classification",
    {
      schema: {
        tags,
        summary: "Set the final classification (governs the SLA)",
        params: ZIdParams,
        body: ZClassifyTicketRequest,
        response: { 200: ZTicketDetail },
      },
    },
    async (request) => actions.classifyTicket(deps, request.ctx(), request.params.id, request.body),
  );
  r.put(
    "/api/v1/tickets/:id/assignment",
    {
      schema: {
        tags,
        summary: "Assign or transfer to a group and agent",
        params: ZIdParams,
        body: ZAssignTicketRequest,
        response: { 200: ZTicketDetail },
      },
    },
    async (request) => actions.assignTicket(deps, request.ctx(), request.params.id, request.body),
  );
  r.put(
    "/api/v1/tickets/:id/tags",
    {
      schema: {
        tags,
        summary: "Replace the ticket's tags",
        params: ZIdParams,
        body: ZUpdateTicketTagsRequest,
        response: { 200: ZTicketDetail },
      },
    },
    async (request) => actions.setTicketTags(deps, request.ctx(), request.params.id, request.body),
  );
  r.get(
    "/api/v1/tickets/:id/messages",
    {
      schema: {
        tags,
        summary: "Conversation (customers see public replies only)",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZTicketMessage) }) },
      },
    },
    async (request) => messages.listTicketMessages(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/tickets/:id/messages",
    {
      schema: {
        tags,
        summary: "Public reply or internal note",
        params: ZIdParams,
        body: ZCreateTicketMessageRequest,
        response: { 201: ZTicketMessage },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(await messages.addTicketMessage(deps, request.ctx(), request.params.id, request.body)),
  );
  r.get(
    "/api/v1/tickets/:id/relations",
    {
      schema: {
        tags,
        summary: "Checklist with progress, links, watchers and escalation history",
        params: ZIdParams,
        response: { 200: ZTicketRelations },
      },
    },
    async (request) => relations.getRelations(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/tickets/:id/checklist",
    {
      schema: {
        tags,
        summary: "Add a step to the ticket's checklist",
        params: ZIdParams,
        body: ZCreateChecklistItemRequest,
        response: { 201: ZChecklistItem },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(await relations.addChecklistItem(deps, request.ctx(), request.params.id, request.body)),
  );
  r.put(
    "/api/v1/tickets/:id/checklist/:itemId",
    {
      schema: {
        tags,
        summary: "Tick or untick a checklist step",
        params: ZChecklistItemParams,
        body: ZUpdateChecklistItemRequest,
        response: { 200: ZTicketRelations },
      },
    },
    async (request) =>
      relations.setChecklistItem(deps, request.ctx(), request.params.id, request.params.itemId, request.body.done),
  );
  r.post(
    "/api/v1/tickets/:id/links",
    {
      schema: {
        tags,
        summary: "Link the ticket to another ticket, a service execution or a project",
        params: ZIdParams,
        body: ZCreateTicketLinkRequest,
        response: { 200: ZTicketRelations },
      },
    },
    async (request) => relations.addLink(deps, request.ctx(), request.params.id, request.body),
  );
  r.post(
    "/api/v1/tickets/:id/watchers",
    {
      schema: {
        tags,
        summary: "Add a watcher",
        params: ZIdParams,
        body: ZWatcherRequest,
        response: { 200: ZTicketRelations },
      },
    },
    async (request) => relations.setWatcher(deps, request.ctx(), request.params.id, request.body.userId, true),
  );
  r.post(
    "/api/v1/tickets/:id/watchers/remove",
    {
      schema: {
        tags,
        summary: "Remove a watcher",
        params: ZIdParams,
        body: ZWatcherRequest,
        response: { 200: ZTicketRelations },
      },
    },
    async (request) => relations.setWatcher(deps, request.ctx(), request.params.id, request.body.userId, false),
  );
  r.post(
    "/api/v1/playbooks/:id/start",
    {
      schema: {
        tags,
        summary: "Start a playbook: its steps become a checklist on a ticket (new or given)",
        params: ZIdParams,
        body: ZStartPlaybookRequest,
        response: { 200: z.object({ ticketId: z.uuid() }) },
      },
    },
    async (request) => startPlaybook(deps, request.ctx(), request.params.id, request.body),
  );
  r.get(
    "/api/v1/tickets/:id/events",
    {
      schema: {
        tags,
        summary: "The ticket's history",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZTicketEvent) }) },
      },
    },
    async (request) => messages.listTicketEvents(request.ctx(), request.params.id),
  );
}
