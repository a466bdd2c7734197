import type { TSendContractResult } from "@atende/contracts";
import {
  confirmPaperSignature,
  loadBuContext,
  performSxAction,
  readStoredFile,
  removeStoredFiles,
  sendContract,
  skipContract,
  storeFile,
} from "@atende/execution";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { execActorOf, findVisibleJob, lockVisibleJob } from "./exec-access";
import { dispatchAfterCommit, type ExecApiDeps } from "./exec-api-deps";
import { withJob } from "./job-actions.service";
import type { JobUpload } from "./job-documents.service";

export async function sendJobContract(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  channel: "email" | "qr" | "print",
): Promise<TSendContractResult> {
  let storedKey: string | null = null;
  try {
    const { result, refs } = await ctx.run(async (tx) => {
      const job = await lockVisibleJob(tx, ctx, id);
      const bu = await loadBuContext(tx, ctx.tenantId, job.buId);
      const sent = await sendContract(tx, deps, { job, bu, channel, actor: execActorOf(ctx, job) });
      storedKey = sent.storedKey;
      return {
        result: {
          contract: {
            id: sent.contract.id,
            version: sent.contract.version,
            status: "sent" as const,
            channel,
            sentAt: sent.contract.sentAt.toISOString(),
            signedAt: null,
            signerName: null,
            remindersSent: 0,
          },
          signingUrl: sent.signingUrl,
          qrSvg: sent.qrSvg,
        },
        refs: sent.refs,
      };
    });
    await dispatchAfterCommit(deps, refs);
    return result;
  } catch (error) {
    // The PDF is written before the commit; a failed commit must not leave it behind.
    if (storedKey) await removeStoredFiles(deps.storageDir, [storedKey]);
    throw error;
  }
}

/** The latest contract version's PDF (or a given version). */
export async function contractPdf(deps: ExecApiDeps, ctx: RequestContext, id: string, version: number | null) {
  const contract = await ctx.run(async (tx) => {
    const job = await findVisibleJob(tx, ctx, id);
    return tx.contract.findFirst({
      where: { tenantId: ctx.tenantId, jobId: job.id, ...(version ? { version } : {}) },
      orderBy: { version: "desc" },
    });
  });
  if (!contract) throw notFound("contract");
  return {
    bytes: await readStoredFile(deps.storageDir, contract.pdfStorageKey),
    filename: `contract-v${contract.version}.pdf`,
  };
}

export function confirmPaper(deps: ExecApiDeps, ctx: RequestContext, id: string, version: number) {
  return withJob(deps, ctx, id, version, async (tx, job) =>
    confirmPaperSignature(tx, {
      job,
      bu: await loadBuContext(tx, ctx.tenantId, job.buId),
      actor: execActorOf(ctx, job),
      now: deps.now(),
    }),
  );
}

export function skipJobContract(
  deps: ExecApiDeps,
  ctx: RequestContext,
  id: string,
  body: { version: number; justification?: string | undefined },
) {
  return withJob(deps, ctx, id, body.version, async (tx, job) =>
    skipContract(tx, {
      job,
      bu: await loadBuContext(tx, ctx.tenantId, job.buId),
      actor: execActorOf(ctx, job),
      now: deps.now(),
      justification: body.justification ?? null,
    }),
  );
}

/** A scan or a photo of the signed paper: spreadsheets and CSV files are job documents, not a signed contract. */
const SCAN_TYPES: readonly string[] = ["application/pdf", "image/png", "image/jpeg"];

/** Paper flow, second step: the scanned signed contract is filed as a legal document (event 128). */
export async function uploadSignedScan(deps: ExecApiDeps, ctx: RequestContext, id: string, upload: JobUpload) {
  if (!SCAN_TYPES.includes(upload.contentType))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", {
      detail: `${upload.filename}: a signed contract scan must be a PDF, PNG or JPEG file`,
    });
  const stored = await storeFile(deps.storageDir, { tenantId: ctx.tenantId, area: "jobs", ownerId: id }, upload.data);
  try {
    return await withJob(deps, ctx, id, null, async (tx, job) => {
      const bu = await loadBuContext(tx, ctx.tenantId, job.buId);
      const result = await performSxAction(tx, {
        job,
        action: "upload_signed_contract",
        actor: execActorOf(ctx, job),
        bu,
        now: deps.now(),
        eventData: { filename: upload.filename },
      });
      await tx.jobDocument.create({
        data: {
          tenantId: ctx.tenantId,
          jobId: job.id,
          category: "legal",
          filename: upload.filename,
          contentType: upload.contentType,
          sizeBytes: stored.size,
          storageKey: stored.key,
          sha256: stored.sha256,
          uploadedBy: ctx.actor.userId,
        },
      });
      return result;
    });
  } catch (error) {
    await removeStoredFiles(deps.storageDir, [stored.key]);
    throw error;
  }
}
