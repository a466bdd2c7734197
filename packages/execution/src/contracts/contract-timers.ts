import type { Tx } from "@atende/db";
import { queueEmail } from "@atende/desk";
import { nextContractReminderAt } from "@atende/domain";
import { scheduleTimer, type TimerRef } from "@atende/jobs";
import { loadBuContext } from "../bu-context";
import { SYSTEM_EXEC_ACTOR, type ExecDeps } from "../exec-deps";
import { recordJobEvent } from "../job-events";
import { lockJob } from "../job-lock";
import { openSystemTask } from "../system-tasks";
import { sendContract } from "./contract-send";

type TimerResult = { refs: TimerRef[]; cleanupKeys: string[] };
const NOTHING: TimerResult = { refs: [], cleanupKeys: [] };

/** Sends the contract automatically when nobody did within the BU delay (the due time is already in the send window). */
export async function runContractAutoSend(
  tx: Tx,
  deps: ExecDeps,
  tenantId: string,
  jobId: string,
): Promise<TimerResult> {
  const job = await lockJob(tx, tenantId, jobId);
  if (!job || job.status !== "pre_scheduled") return NOTHING;
  const sent = await tx.contract.findFirst({
    where: { tenantId, jobId, status: { in: ["sent", "signed", "paper_signed"] } },
  });
  if (sent) return NOTHING;
  const contact = job.contact as { email?: string | null };
  if (!contact.email) return NOTHING;
  const bu = await loadBuContext(tx, tenantId, job.buId);
  const result = await sendContract(tx, deps, { job, bu, channel: "auto", actor: SYSTEM_EXEC_ACTOR });
  return { refs: result.refs, cleanupKeys: [result.storedKey] };
}

/** A daily reminder while the latest version waits for its signature, inside the send window. */
export async function runContractReminder(
  tx: Tx,
  deps: ExecDeps,
  tenantId: string,
  jobId: string,
  timerId?: string,
): Promise<TimerResult> {
  const job = await lockJob(tx, tenantId, jobId);
  if (!job || job.status !== "pre_scheduled") return NOTHING;
  const contract = await tx.contract.findFirst({
    where: { tenantId, jobId, status: "sent" },
    orderBy: { version: "desc" },
  });
  if (!contract) return NOTHING;
  const now = deps.now();
  const bu = await loadBuContext(tx, tenantId, job.buId);
  const contact = job.contact as { name?: string; email?: string | null };
  const timer = timerId
    ? await tx.timer.findFirst({ where: { tenantId, id: timerId }, select: { payload: true } })
    : null;
  const signingUrl =
    (timer?.payload as { signingUrl?: string } | null)?.signingUrl ??
    `${deps.publicUrl.replace(/\/$/, "")}/portal/projects`;
  // Nothing to remind by e-mail (a QR or paper contract for a contact without one): no reminder is counted or logged.
  const queued = contact.email
    ? await queueEmail(tx, {
        tenantId,
        event: "job.contract_reminder",
        locale: bu.locale,
        to: contact.email,
        vars: { jobNumber: job.number, customerName: contact.name ?? "", version: contract.version, signingUrl },
      })
    : false;
  if (!queued) return NOTHING;
  await tx.contract.update({
    where: { id: contract.id },
    data: { remindersSent: { increment: 1 }, lastReminderAt: now },
  });
  await recordJobEvent(tx, {
    tenantId,
    jobId,
    actor: SYSTEM_EXEC_ACTOR,
    name: "CONTRACT_REMINDER_SENT",
    data: { version: contract.version, reminder: contract.remindersSent + 1 },
    at: now,
  });
  const next = await scheduleTimer(tx, {
    tenantId,
    kind: "contract-reminder",
    subject: jobId,
    dueAt: nextContractReminderAt(now, bu.params, bu.timezone),
    payload: { signingUrl },
  });
  return { refs: [next], cleanupKeys: [] };
}

/** Past the BU threshold without a signature: a CONTRACT_NOT_SIGNED task for the back office. */
export async function runContractNotSigned(
  tx: Tx,
  deps: ExecDeps,
  tenantId: string,
  jobId: string,
): Promise<TimerResult> {
  const job = await lockJob(tx, tenantId, jobId);
  if (!job || job.status !== "pre_scheduled") return NOTHING;
  const pending = await tx.contract.findFirst({ where: { tenantId, jobId, status: "sent" } });
  if (!pending) return NOTHING;
  const refs = await openSystemTask(tx, {
    tenantId,
    job,
    kind: "CONTRACT_NOT_SIGNED",
    actor: SYSTEM_EXEC_ACTOR,
    now: deps.now(),
    detail: `Contract version ${pending.version} was sent on ${pending.sentAt.toISOString()} and is not signed yet.`,
  });
  return { refs, cleanupKeys: [] };
}
