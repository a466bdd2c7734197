import type { Tx } from "@atende/db";
import { queueEmail } from "@atende/desk";
import { contractNotSignedTaskAt, nextContractReminderAt, type SxAction } from "@atende/domain";
import { cancelTimer, scheduleTimer, type TimerRef } from "@atende/jobs";
import { qrCodeSvg, renderContractPdf, sha256Hex } from "../contract-document";
import type { BuContext } from "../bu-context";
import type { ExecActor, ExecDeps } from "../exec-deps";
import { recordJobEvent } from "../job-events";
import type { JobRow } from "../job-lock";
import { ExecRuleError } from "../rule-error";
import { removeStoredFiles, storeFile } from "../storage";
import { assertSxAllowed, performSxAction } from "../transition";
import { newSigningLink, signingUrl } from "./signing-link";
import { contractInputFor } from "./contract-input";

export type SendChannel = "email" | "qr" | "print" | "auto";

const ACTION_OF: Record<SendChannel, SxAction> = {
  email: "send_contract",
  auto: "send_contract",
  qr: "show_contract_qr",
  print: "print_contract",
};

export type SentContract = {
  contract: NonNullable<Awaited<ReturnType<Tx["contract"]["findFirst"]>>>;
  signingUrl: string;
  qrSvg: string | null;
  refs: TimerRef[];
  /** Written before the transaction commits: the caller removes it if the transaction fails. */
  storedKey: string;
};

type ContactJson = { name: string; email: string | null };

/**
 * Generates a new contract version (PDF, signing link), cancels the previous one, and delivers it on the channel:
 * e-mail (also the automatic send), QR code on the seller's screen, or print. Reminder and not-signed timers run from
 * the first send.
 */
export async function sendContract(
  tx: Tx,
  deps: ExecDeps,
  input: { job: JobRow; bu: BuContext; channel: SendChannel; actor: ExecActor },
): Promise<SentContract> {
  const { job, bu, channel, actor } = input;
  const now = deps.now();
  const action = ACTION_OF[channel];
  await assertSxAllowed(tx, job, action, actor, bu);
  const contact = job.contact as ContactJson;
  if ((channel === "email" || channel === "auto") && !contact.email) {
    throw new ExecRuleError(
      422,
      "contact_has_no_email",
      "the customer contact has no e-mail address: add one or use the QR code or print",
      "contact.email",
    );
  }
  const previous = await tx.contract.findMany({
    where: { tenantId: job.tenantId, jobId: job.id },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true, sentAt: true },
  });
  const version = (previous[0]?.version ?? 0) + 1;
  const contractId = crypto.randomUUID();
  const pdf = await renderContractPdf(
    await contractInputFor(tx, job, bu, { id: contractId, version, generatedAt: now }),
  );
  const stored = await storeFile(deps.storageDir, { tenantId: job.tenantId, area: "contracts", ownerId: job.id }, pdf);
  try {
    const link = newSigningLink(job.tenantId);
    // The table's send row voids the pending version (cancel-contract) before the new one is written.
    const {
      job: updated,
      refs,
      effects,
    } = await performSxAction(tx, {
      job,
      action,
      actor,
      bu,
      now,
      eventData: { version, channel },
    });
    const contract = await tx.contract.create({
      data: {
        id: contractId,
        tenantId: job.tenantId,
        jobId: job.id,
        version,
        status: "sent",
        channel,
        tokenHash: link.tokenHash,
        documentSha256: sha256Hex(pdf),
        pdfStorageKey: stored.key,
        sentAt: now,
        sentBy: actor.userId,
      },
    });
    await recordJobEvent(tx, {
      tenantId: job.tenantId,
      jobId: job.id,
      actor,
      name: "CONTRACT_GENERATED",
      data: { version },
      at: now,
    });
    const url = signingUrl(deps.publicUrl, link.linkToken);
    // The automatic send's CONTRACT_AUTO_SENT is the status table's event for the system actor, recorded by
    // performSxAction above: recording it here too logged every automatic send twice.
    if (channel === "email" || channel === "auto") {
      await queueEmail(tx, {
        tenantId: job.tenantId,
        event: "job.contract_sent",
        locale: bu.locale,
        to: contact.email!,
        vars: { jobNumber: job.number, customerName: contact.name, signingUrl: url, version },
      });
    }
    const timers = new Set(effects.flatMap((e) => (e.type === "schedule-timer" ? [e.timer] : [])));
    refs.push(
      ...(await scheduleContractFollowUps(tx, updated, bu, now, {
        firstSentAt: previous.at(-1)?.sentAt ?? now,
        signingUrl: url,
        reminders: timers.has("contract-reminder") && Boolean(contact.email),
        notSignedTask: timers.has("contract-not-signed"),
      })),
    );
    return {
      contract,
      signingUrl: url,
      qrSvg: channel === "qr" ? await qrCodeSvg(url) : null,
      refs,
      storedKey: stored.key,
    };
  } catch (error) {
    await removeStoredFiles(deps.storageDir, [stored.key]);
    throw error;
  }
}

/** Daily reminders from this send (not for paper); the not-signed task from the first send of any version. */
async function scheduleContractFollowUps(
  tx: Tx,
  job: JobRow,
  bu: BuContext,
  now: Date,
  plan: { firstSentAt: Date; signingUrl: string; reminders: boolean; notSignedTask: boolean },
): Promise<TimerRef[]> {
  await cancelTimer(tx, job.tenantId, "contract-auto-send", job.id);
  const refs: TimerRef[] = [];
  if (plan.reminders) {
    refs.push(
      await scheduleTimer(tx, {
        tenantId: job.tenantId,
        kind: "contract-reminder",
        subject: job.id,
        dueAt: nextContractReminderAt(now, bu.params, bu.timezone),
        // The link itself is not stored with the contract (only its hash); the reminder carries it, as the e-mail did.
        payload: { signingUrl: plan.signingUrl },
      }),
    );
  } else {
    await cancelTimer(tx, job.tenantId, "contract-reminder", job.id);
  }
  const hasTask = await tx.ticket.findFirst({
    where: { tenantId: job.tenantId, jobId: job.id, taskKind: "CONTRACT_NOT_SIGNED", isOpen: true },
    select: { id: true },
  });
  if (plan.notSignedTask && !hasTask) {
    refs.push(
      await scheduleTimer(tx, {
        tenantId: job.tenantId,
        kind: "contract-not-signed",
        subject: job.id,
        dueAt: contractNotSignedTaskAt(plan.firstSentAt, bu.params),
      }),
    );
  }
  return refs;
}
