import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MultipartFile } from "@fastify/multipart";
import { contentTypeFor, sniffKind } from "@atende/domain";
import { recordTicketEvent } from "@atende/desk";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { assertVisible, ticketScope } from "./ticket-access";
import { afterCommit, type TicketDeps } from "./ticket-deps";
import * as repo from "./tickets.repo";

export type Upload = { filename: string; data: Buffer };

const toAttachment = (a: { id: string; filename: string; contentType: string; size: number; createdAt: Date }) => ({
  id: a.id,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
  createdAt: a.createdAt.toISOString(),
});

/** Reads every file part into memory within the size limit; refuses the lot on the first oversize part. */
export async function readUploads(parts: AsyncIterable<MultipartFile>): Promise<Upload[]> {
  const uploads: Upload[] = [];
  for await (const part of parts) {
    const data = await part.toBuffer();
    if (part.file.truncated)
      throw new AppError("PAYLOAD_TOO_LARGE", { detail: `${part.filename} is larger than the size limit` });
    uploads.push({ filename: path.basename(part.filename || "file").slice(0, 200), data });
  }
  if (uploads.length === 0)
    throw new AppError("VALIDATION_FAILED", {
      detail: "body.file: attach at least one file",
      fields: [{ path: "body.file", message: "attach at least one file" }],
    });
  return uploads;
}

/**
 * Every file's type is sniffed from its content before anything is stored: one refused file refuses the upload, and
 * files written before a failed commit are removed again.
 */
export async function addAttachments(deps: TicketDeps, ctx: RequestContext, ticketId: string, uploads: Upload[]) {
  const typed = uploads.map((u) => {
    const kind = sniffKind(u.data.subarray(0, 512));
    if (!kind)
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", {
        detail: `${u.filename}: this kind of file is not accepted (images, pdf, text/csv, office documents)`,
      });
    return {
      ...u,
      contentType: contentTypeFor(kind, u.filename),
      key: path.join(ctx.tenantId, "tickets", ticketId, randomUUID()),
    };
  });
  const scope = ticketScope(ctx);
  await ctx.run(async (tx) => assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, ticketId)));
  const written: string[] = [];
  try {
    for (const f of typed) {
      const file = path.join(deps.storageDir, f.key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, f.data);
      written.push(file);
    }
    const rows = await ctx.run(async (tx) => {
      const created = [];
      for (const f of typed) {
        created.push(
          await tx.ticketAttachment.create({
            data: {
              tenantId: ctx.tenantId,
              ticketId,
              filename: f.filename,
              contentType: f.contentType,
              size: f.data.length,
              storageKey: f.key,
              uploadedBy: ctx.actor.userId,
            },
          }),
        );
      }
      await recordTicketEvent(tx, {
        tenantId: ctx.tenantId,
        ticketId,
        actor: ctx.actor,
        type: "ticket.attachments_added",
        data: { files: typed.map((f) => f.filename) },
      });
      return created;
    });
    await afterCommit(deps, ctx.tenantId, ticketId, []);
    return { items: rows.map(toAttachment) };
  } catch (error) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw error;
  }
}

export async function listAttachments(ctx: RequestContext, ticketId: string) {
  const scope = ticketScope(ctx);
  return ctx.run(async (tx) => {
    assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, ticketId));
    const rows = await tx.ticketAttachment.findMany({
      where: { tenantId: ctx.tenantId, ticketId },
      orderBy: { createdAt: "asc" },
    });
    return { items: rows.map(toAttachment) };
  });
}

export async function findAttachmentFile(
  deps: TicketDeps,
  ctx: RequestContext,
  ticketId: string,
  attachmentId: string,
) {
  const scope = ticketScope(ctx);
  const row = await ctx.run(async (tx) => {
    assertVisible(scope, await repo.findTicketRow(tx, ctx.tenantId, ticketId));
    return tx.ticketAttachment.findFirst({ where: { tenantId: ctx.tenantId, ticketId, id: attachmentId } });
  });
  if (!row) throw notFound("attachment");
  return { path: path.join(deps.storageDir, row.storageKey), filename: row.filename, contentType: row.contentType };
}
