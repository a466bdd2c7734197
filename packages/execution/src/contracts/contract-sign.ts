import type { Tx } from "@atende/db";
import type { TimerRef } from "@atende/jobs";
import { appendAuditTrail, type ContractLocale } from "../contract-document";
import type { BuContext } from "../bu-context";
import type { ExecActor, ExecDeps } from "../exec-deps";
import type { JobRow } from "../job-lock";
import { ExecRuleError } from "../rule-error";
import { readStoredFile, removeStoredFiles, storeFile } from "../storage";
import { assertSxAllowed, cancelContractTimers, performSxAction } from "../transition";

type ContractRow = NonNullable<Awaited<ReturnType<Tx["contract"]["findFirst"]>>>;

export type SignatureInput = {
  job: JobRow;
  bu: BuContext;
  contract: ContractRow;
  signerName: string;
  ip: string | null;
  userAgent: string | null;
  method: "portal" | "link";
  actor: ExecActor;
};

export const CONSENT_TEXT = "I have read this contract and I accept it; typing my name is my electronic signature.";

/** The contract a customer may still sign: the latest version, sent and not cancelled. */
export function assertSignable(contract: ContractRow | null): asserts contract is ContractRow {
  if (!contract) throw new ExecRuleError(404, "contract_not_found", "contract not found");
  if (contract.status === "signed" || contract.status === "paper_signed")
    throw new ExecRuleError(409, "contract_already_signed", "this contract is already signed");
  if (contract.status !== "sent")
    throw new ExecRuleError(
      409,
      "contract_version_cancelled",
      "this contract version was replaced by a newer one: use the latest link",
    );
}

/**
 * The customer's electronic signature: an audit-trail page (who, when, IP, document hash) is appended to the PDF, the
 * signed copy is filed in the job's legal documents, and the job moves to `scheduled`.
 */
export async function signContract(tx: Tx, deps: ExecDeps, input: SignatureInput): Promise<{ refs: TimerRef[] }> {
  const { job, bu, contract, actor } = input;
  assertSignable(contract);
  const now = deps.now();
  const unsigned = await readStoredFile(deps.storageDir, contract.pdfStorageKey);
  const signed = await appendAuditTrail(new Uint8Array(unsigned), {
    signerName: input.signerName,
    signedAt: now,
    ip: input.ip,
    userAgent: input.userAgent,
    method: input.method,
    consentText: CONSENT_TEXT,
    documentSha256: contract.documentSha256,
    contractId: contract.id,
    version: contract.version,
    timeZone: bu.timezone,
    locale: (["es", "pt"].includes(bu.locale.slice(0, 2)) ? bu.locale.slice(0, 2) : "en") as ContractLocale,
  });
  const stored = await storeFile(deps.storageDir, { tenantId: job.tenantId, area: "jobs", ownerId: job.id }, signed);
  try {
    const document = await tx.jobDocument.create({
      data: {
        tenantId: job.tenantId,
        jobId: job.id,
        category: "legal",
        filename: `contract-SX${job.number}-v${contract.version}-signed.pdf`,
        contentType: "application/pdf",
        sizeBytes: stored.size,
        storageKey: stored.key,
        sha256: stored.sha256,
        uploadedBy: actor.userId,
      },
    });
    await tx.contract.update({
      where: { id: contract.id },
      data: {
        status: "signed",
        signedAt: now,
        signerName: input.signerName,
        signerIp: input.ip,
        signatureMethod: input.method,
        signedDocumentId: document.id,
      },
    });
    const { refs } = await performSxAction(tx, {
      job,
      action: "sign_contract",
      actor,
      bu,
      now,
      eventData: {
        version: contract.version,
        signerName: input.signerName,
        method: input.method,
        documentId: document.id,
      },
    });
    await cancelContractTimers(tx, job.tenantId, job.id);
    return { refs };
  } catch (error) {
    await removeStoredFiles(deps.storageDir, [stored.key]);
    throw error;
  }
}

/** Paper flow: the operator confirms the customer signed the printed contract (event 127). */
export async function confirmPaperSignature(
  tx: Tx,
  input: { job: JobRow; bu: BuContext; actor: ExecActor; now: Date },
): Promise<{ refs: TimerRef[] }> {
  await assertSxAllowed(tx, input.job, "confirm_paper_signature", input.actor, input.bu);
  const latest = await tx.contract.findFirst({
    where: { tenantId: input.job.tenantId, jobId: input.job.id, status: "sent" },
    orderBy: { version: "desc" },
  });
  // The customer signs a printed version: with none issued there is nothing they could have signed.
  if (!latest)
    throw new ExecRuleError(
      409,
      "no_contract_to_confirm",
      "No contract version is waiting for a signature: print the contract first.",
    );
  const { refs } = await performSxAction(tx, {
    ...input,
    action: "confirm_paper_signature",
    eventData: { version: latest.version },
  });
  await tx.contract.update({
    where: { id: latest.id },
    data: { status: "paper_signed", signedAt: input.now, signatureMethod: "paper" },
  });
  await cancelContractTimers(tx, input.job.tenantId, input.job.id);
  return { refs };
}

/** Execution admin skips the contract where the BU allows it (event 142). */
export async function skipContract(
  tx: Tx,
  input: { job: JobRow; bu: BuContext; actor: ExecActor; now: Date; justification: string | null },
): Promise<{ refs: TimerRef[] }> {
  const { refs } = await performSxAction(tx, {
    ...input,
    action: "skip_contract",
    eventData: { justification: input.justification },
  });
  await tx.contract.updateMany({
    where: { tenantId: input.job.tenantId, jobId: input.job.id, status: "sent" },
    data: { status: "cancelled", cancelledAt: input.now },
  });
  await cancelContractTimers(tx, input.job.tenantId, input.job.id);
  return { refs };
}
