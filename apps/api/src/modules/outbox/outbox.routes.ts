import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageOf, ZOutboxItem, ZOutboxListQuery, type TOutboxItem } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { decodeCursor, encodeCursor } from "../../lib/cursor";

const ZCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });
const ZEmailPayload = z.object({ to: z.union([z.string(), z.array(z.string())]), subject: z.string() }).partial();

/** What left (or failed to leave) through the outbox: the admin's window on notifications. */
function listOutbox(ctx: RequestContext, q: z.infer<typeof ZOutboxListQuery>) {
  const after = decodeCursor(q.cursor, ZCursor);
  return ctx.run(async (tx) => {
    const rows = await tx.outbox.findMany({
      where: {
        tenantId: ctx.tenantId,
        ...(q.status ? { status: q.status } : {}),
        ...(after
          ? { OR: [{ createdAt: { lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { lt: after.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: q.limit + 1,
    });
    const items: TOutboxItem[] = rows.slice(0, q.limit).map((r) => {
      const payload = ZEmailPayload.safeParse(r.payload);
      const to = payload.success ? payload.data.to : undefined;
      return {
        id: r.id,
        kind: r.kind,
        status: r.status,
        attempts: r.attempts,
        createdAt: r.createdAt.toISOString(),
        sentAt: r.sentAt ? r.sentAt.toISOString() : null,
        lastError: r.lastError,
        to: Array.isArray(to) ? to.join(", ") : (to ?? null),
        subject: payload.success ? (payload.data.subject ?? null) : null,
      };
    });
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    };
  });
}

export function registerOutboxRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/outbox",
    {
      schema: {
        tags: ["service-desk-admin"],
        summary: "Outgoing notifications and their delivery state",
        querystring: ZOutboxListQuery,
        response: { 200: pageOf(ZOutboxItem) },
      },
      config: { permission: "audit.read" },
    },
    async (request) => listOutbox(request.ctx(), request.query),
  );
}
