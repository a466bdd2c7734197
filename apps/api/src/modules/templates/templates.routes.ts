import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZCreateReplyTemplateRequest,
  ZIdParams,
  ZNotificationTemplate,
  ZNotificationTemplateList,
  ZNotificationTemplateListQuery,
  ZNotificationTemplateParams,
  ZPutNotificationTemplateRequest,
  ZReplyTemplate,
  ZReplyTemplateListQuery,
  ZUpdateReplyTemplateRequest,
} from "@atende/contracts";
import * as notifications from "./notification-templates.service";
import * as replies from "./reply-templates.service";

export function registerTemplateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service-desk-admin"];
  r.get(
    "/api/v1/reply-templates",
    {
      schema: {
        tags,
        summary: "List predefined reply messages",
        querystring: ZReplyTemplateListQuery,
        response: { 200: pageOf(ZReplyTemplate) },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => replies.listReplyTemplates(request.ctx(), request.query),
  );
  r.post(
    "/api/v1/reply-templates",
    {
      schema: {
        tags,
        summary: "Create a predefined reply message for a locale",
        body: ZCreateReplyTemplateRequest,
        response: { 201: ZReplyTemplate },
      },
      config: { permission: "bu.parameters.edit", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await replies.createReplyTemplate(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/reply-templates/:id",
    {
      schema: {
        tags,
        summary: "Update a predefined reply message",
        params: ZIdParams,
        body: ZUpdateReplyTemplateRequest,
        response: { 200: ZReplyTemplate },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => replies.updateReplyTemplate(request.ctx(), request.params.id, request.body),
  );
  r.get(
    "/api/v1/notification-templates",
    {
      schema: {
        tags,
        summary: "Notification templates per event and locale (built-in ones until saved)",
        querystring: ZNotificationTemplateListQuery,
        response: { 200: ZNotificationTemplateList },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => notifications.listNotificationTemplates(request.ctx(), request.query),
  );
  r.put(
    "/api/v1/notification-templates/:event/:locale",
    {
      schema: {
        tags,
        summary: "Save the notification template of an event and locale",
        params: ZNotificationTemplateParams,
        body: ZPutNotificationTemplateRequest,
        response: { 200: ZNotificationTemplate },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) =>
      notifications.putNotificationTemplate(request.ctx(), request.params.event, request.params.locale, request.body),
  );
}
