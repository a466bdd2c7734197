import path from "node:path";
import type { MultipartFile } from "@fastify/multipart";
import type { TJobDocument, TJobEvent, TJobNote } from "@atende/contracts";
import { acceptJobUpload, sniffKind, sxEvent, type DocumentCategory, type SxEventName } from "@atende/domain";
import { execActorOf, findVisibleJob, lockVisibleJob } from "./exec-access";
import { readStoredFile, recordJobEvent, removeStoredFiles, storeFile } from "@atende/execution";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";
import type { ExecApiDeps } from "./exec-api-deps";

export type JobUpload = { filename: string; data: Buffer; contentType: string };

/** Reads every part within the size limit and checks each type from its content; one refused file refuses the lot. */
export async function readJobUploads(parts: AsyncIterable<MultipartFile>): Promise<JobUpload[]> {
  const uploads: JobUpload[] = [];
  for await (const part of parts) {
    const data = await part.toBuffer();
    const filename = path.basename(part.filename || "file").slice(0, 200);
    if (part.file.truncated)
      throw new AppError("PAYLOAD_TOO_LARGE", { detail: `${filename} is larger than the size limit` });
    const accepted = acceptJobUpload(filename, sniffKind(data.subarray(0, 512)));
    if (!accepted.ok) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { detail: `${filename}: ${accepted.message}` });
    uploads.push({ filename, data, contentType: accepted.contentType });
  }
  if (uploads.length === 0)
    throw new AppError("VALIDATION_FAILED", {
      detail: "body.file: attach at least one file",
      fields: [{ path: "body.file", message: "attach at least one file" }],
    });
  return uploads;
}

const toDocument = (d: {
  id: string;
  category: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}): TJobDocument => ({
  id: d.id,
  category: d.category as DocumentCategory,
  filename: d.filename,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  createdAt: d.createdAt.toISOString(),
});

export async function listDocuments(ctx: RequestContext, id: string): Promise<{ items: TJobDocument[] }> {
  return ctx.run(async (tx) => {
    const job = await findVisibleJob(tx, ctx, id);
    const rows = await tx.jobDocument.findMany({
      where: { tenantId: ctx.tenantId, jobId: job.id },
      orderBy: { createdAt: "desc" },
    });
    return { items: rows.map(toDocument) };
  });
}

export async function addDocuments(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  category: DocumentCategory,
  uploads: JobUpload[],
) {
  const stored: string[] = [];
  try {
    const files: Array<{ upload: JobUpload; file: Awaited<ReturnType<typeof storeFile>> }> = [];
    for (const upload of uploads) {
      const file = await storeFile(deps.storageDir, { tenantId: ctx.tenantId, area: "jobs", ownerId: id }, upload.data);
      stored.push(file.key);
      files.push({ upload, file });
    }
    return await ctx.run(async (tx) => {
      const job = await lockVisibleJob(tx, ctx, id);
      const created = [];
      for (const { upload, file } of files) {
        created.push(
          await tx.jobDocument.create({
            data: {
              tenantId: ctx.tenantId,
              jobId: job.id,
              category,
              filename: upload.filename,
              contentType: upload.contentType,
              sizeBytes: file.size,
              storageKey: file.key,
              sha256: file.sha256,
              uploadedBy: ctx.actor.userId,
            },
          }),
        );
      }
      await recordJobEvent(tx, {
        tenantId: ctx.tenantId,
        jobId: job.id,
        actor: execActorOf(ctx, job),
        name: "DOCUMENT_UPLOADED",
        data: { category, files: uploads.map((u) => u.filename) },
        at: deps.now(),
      });
      return { items: created.map(toDocument) };
    });
  } catch (error) {
    await removeStoredFiles(deps.storageDir, stored);
    throw error;
  }
}

export async function documentFile(deps: ExecApiDeps, ctx: RequestContext, id: string, documentId: string) {
  const row = await ctx.run(async (tx) => {
    const job = await findVisibleJob(tx, ctx, id);
    return tx.jobDocument.findFirst({ where: { tenantId: ctx.tenantId, jobId: job.id, id: documentId } });
  });
  if (!row) throw notFound("document");
  return {
    bytes: await readStoredFile(deps.storageDir, row.storageKey),
    filename: row.filename,
    contentType: row.contentType,
  };
}

// ===== Notes and history =====

const toNote = (n: {
  id: string;
  source: string;
  authorLabel: string;
  body: string;
  forwardToProvider: boolean;
  createdAt: Date;
}): TJobNote => ({
  id: n.id,
  source: n.source as TJobNote["source"],
  authorLabel: n.authorLabel,
  body: n.body,
  forwardToProvider: n.forwardToProvider,
  createdAt: n.createdAt.toISOString(),
});

export async function listNotes(ctx: RequestContext, id: string): Promise<{ items: TJobNote[] }> {
  return ctx.run(async (tx) => {
    const job = await findVisibleJob(tx, ctx, id);
    const rows = await tx.jobNote.findMany({
      where: { tenantId: ctx.tenantId, jobId: job.id },
      orderBy: { createdAt: "desc" },
    });
    return { items: rows.map(toNote) };
  });
}

export async function addNote(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  body: { body: string; forwardToProvider: boolean },
): Promise<TJobNote> {
  return ctx.run(async (tx) => {
    const job = await lockVisibleJob(tx, ctx, id);
    const actor = execActorOf(ctx, job);
    const isSeller =
      actor.sx.kind === "user" && actor.sx.roles.includes("seller") && !actor.sx.roles.includes("operator");
    const note = await tx.jobNote.create({
      data: {
        tenantId: ctx.tenantId,
        jobId: job.id,
        source: isSeller ? "seller" : "operator",
        authorUserId: ctx.actor.userId,
        authorLabel: ctx.actor.label,
        body: body.body,
        forwardToProvider: body.forwardToProvider,
      },
    });
    await recordJobEvent(tx, {
      tenantId: ctx.tenantId,
      jobId: job.id,
      actor,
      name: "NOTE_ADDED",
      data: { noteId: note.id, forwardToProvider: body.forwardToProvider },
      at: deps.now(),
    });
    return toNote(note);
  });
}

export async function history(ctx: RequestContext, id: string): Promise<{ items: TJobEvent[] }> {
  return ctx.run(async (tx) => {
    const job = await findVisibleJob(tx, ctx, id);
    const rows = await tx.jobEvent.findMany({
      where: { tenantId: ctx.tenantId, jobId: job.id },
      orderBy: [{ at: "asc" }, { code: "asc" }],
    });
    return {
      items: rows.map((e) => ({
        id: e.id,
        code: e.code,
        name: e.name,
        label: sxEvent(e.name as SxEventName).label,
        actorLabel: e.actorLabel,
        data: e.data as Record<string, unknown>,
        at: e.at.toISOString(),
      })),
    };
  });
}
