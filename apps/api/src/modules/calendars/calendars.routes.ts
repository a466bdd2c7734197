import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  pageOf,
  ZBusinessCalendar,
  ZCalendarListQuery,
  ZCreateCalendarRequest,
  ZHolidayList,
  ZHolidaysQuery,
  ZIdParams,
  ZUpdateCalendarRequest,
} from "@atende/contracts";
import * as service from "./calendars.service";

export function registerCalendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service-desk-admin"];
  r.get(
    "/api/v1/calendars",
    {
      schema: {
        tags,
        summary: "List business calendars",
        querystring: ZCalendarListQuery,
        response: { 200: pageOf(ZBusinessCalendar) },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => service.listCalendars(request.ctx(), request.query),
  );
  r.get(
    "/api/v1/calendars/holidays",
    {
      schema: {
        tags,
        summary: "A country's national public holidays of a year, to prefill a calendar",
        querystring: ZHolidaysQuery,
        response: { 200: ZHolidayList },
      },
      config: { permission: "sla.preview" },
    },
    async (request) => service.listPublicHolidays(request.query),
  );
  r.get(
    "/api/v1/calendars/:id",
    {
      schema: { tags, summary: "One business calendar", params: ZIdParams, response: { 200: ZBusinessCalendar } },
      config: { permission: "sla.preview" },
    },
    async (request) => service.getCalendar(request.ctx(), request.params.id),
  );
  r.post(
    "/api/v1/calendars",
    {
      schema: {
        tags,
        summary: "Create a business calendar",
        body: ZCreateCalendarRequest,
        response: { 201: ZBusinessCalendar },
      },
      config: { permission: "bu.parameters.edit", idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await service.createCalendar(request.ctx(), request.body)),
  );
  r.patch(
    "/api/v1/calendars/:id",
    {
      schema: {
        tags,
        summary: "Update a business calendar",
        params: ZIdParams,
        body: ZUpdateCalendarRequest,
        response: { 200: ZBusinessCalendar },
      },
      config: { permission: "bu.parameters.edit" },
    },
    async (request) => service.updateCalendar(request.ctx(), request.params.id, request.body),
  );
}
