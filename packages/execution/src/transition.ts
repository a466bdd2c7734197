import { PrismaNamespace, type Tx } from "@atende/db";
import { queueEmail } from "@atende/desk";
import {
  applyTagEffects,
  contractAutoSendAt,
  decideSxAction,
  type SxAction,
  type SxEffect,
  type SxEventName,
  type SxStatus,
  type SxType,
} from "@atende/domain";
import { cancelTimer, scheduleTimer, type TimerRef } from "@atende/jobs";
import type { BuContext } from "./bu-context";
import type { ExecActor } from "./exec-deps";
import { recordJobEvent } from "./job-events";
import { hasDuplicateTechnicalVisits, type JobRow } from "./job-lock";
import { refreshProjectStatus } from "./project-status";
import { ExecRuleError } from "./rule-error";
import { closeSystemTasksOn, openSystemTask } from "./system-tasks";
import { queueWebhooks } from "./webhooks";

export const CONTRACT_TIMER_KINDS = ["contract-auto-send", "contract-reminder", "contract-not-signed"] as const;

export async function cancelContractTimers(tx: Tx, tenantId: string, jobId: string): Promise<void> {
  for (const kind of CONTRACT_TIMER_KINDS) await cancelTimer(tx, tenantId, kind, jobId);
}

export type SxFactsInput = { job: JobRow; duplicateTechnicalVisits?: boolean };

export async function factsFor(tx: Tx, job: JobRow) {
  return {
    status: job.status as SxStatus,
    type: job.type as SxType,
    providerAllocated: job.providerId !== null,
    duplicateTechnicalVisits: await hasDuplicateTechnicalVisits(tx, job),
  };
}

/** Refuses with the table's reason when the action is not allowed for this job, actor and BU. */
export async function assertSxAllowed(tx: Tx, job: JobRow, action: SxAction, actor: ExecActor, bu: BuContext) {
  const decision = decideSxAction(action, await factsFor(tx, job), actor.sx, bu.params);
  if (!decision.ok) throw new ExecRuleError(decision.status, decision.reason, decision.message);
  return decision;
}

export type SxActionInput = {
  job: JobRow;
  action: SxAction;
  actor: ExecActor;
  bu: BuContext;
  now: Date;
  /** Extra columns the action changes (a new date, address, duration...). */
  changes?: PrismaNamespace.JobUncheckedUpdateInput;
  /** What the history event records besides from/to. */
  eventData?: Record<string, unknown>;
  /** Variables for the customer e-mail, when the action notifies the customer. */
  notifyVars?: Record<string, string | number | null>;
};

/**
 * Runs one action of the status table: checks it, moves the status, updates tags, records the numbered event and
 * carries out the table's effects (tasks, timers, notifications, webhooks). Returns timers to enqueue after commit.
 */
export async function performSxAction(
  tx: Tx,
  input: SxActionInput,
): Promise<{ job: JobRow; refs: TimerRef[]; effects: readonly SxEffect[] }> {
  const { job, actor, bu, now } = input;
  const decision = await assertSxAllowed(tx, job, input.action, actor, bu);
  const tags = applyTagEffects(job.tags, decision.effects);
  const statusChanged = decision.to !== job.status;
  const updated = await tx.job.update({
    where: { id: job.id },
    data: {
      ...input.changes,
      status: decision.to,
      tags,
      version: { increment: 1 },
      ...(statusChanged && decision.to === "cancelled" ? { cancelledAt: now } : {}),
      ...(statusChanged && (decision.to === "closed" || decision.to === "non_compliant") ? { closedAt: now } : {}),
      ...(statusChanged && job.status === "pre_scheduled" && decision.to === "scheduled" ? { signedAt: now } : {}),
    },
  });
  await recordJobEvent(tx, {
    tenantId: job.tenantId,
    jobId: job.id,
    actor,
    name: decision.event,
    data: { from: job.status, to: decision.to, ...input.eventData },
    at: now,
  });
  const refs = await runEffects(tx, { ...input, job: updated }, decision.effects, decision.event);
  refs.push(
    ...(await closeSystemTasksOn(tx, { tenantId: job.tenantId, jobId: job.id, event: decision.event, actor, now })),
  );
  if (statusChanged) {
    await queueWebhooks(
      tx,
      job.tenantId,
      decision.to === "cancelled" ? "job.cancelled" : "job.status_changed",
      { jobId: job.id, jobNumber: job.number, from: job.status, to: decision.to, action: input.action },
      now,
    );
    await refreshProjectStatus(tx, job.tenantId, job.projectId, bu.params, now);
  }
  return { job: updated, refs, effects: decision.effects };
}

async function runEffects(
  tx: Tx,
  input: SxActionInput,
  effects: readonly SxEffect[],
  event: SxEventName,
): Promise<TimerRef[]> {
  const { job, actor, bu, now } = input;
  const refs: TimerRef[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case "open-task":
        refs.push(...(await openSystemTask(tx, { tenantId: job.tenantId, job, kind: effect.task, actor, now })));
        break;
      case "notify":
        if (effect.audience === "customer") await notifyCustomer(tx, job, bu, event, input.notifyVars ?? {});
        break;
      case "schedule-timer":
        if (effect.timer === "contract-auto-send") {
          refs.push(
            await scheduleTimer(tx, {
              tenantId: job.tenantId,
              kind: "contract-auto-send",
              subject: job.id,
              dueAt: contractAutoSendAt(now, bu.params, bu.timezone),
            }),
          );
        }
        break;
      case "cancel-timers":
        // Only the contract timers exist so far; offer and WCF timers arrive with the provider flow.
        if (effect.scope === "contract" || effect.scope === "all") await cancelContractTimers(tx, job.tenantId, job.id);
        break;
      case "cancel-contract": {
        const pending = await tx.contract.findMany({
          where: { tenantId: job.tenantId, jobId: job.id, status: "sent" },
          select: { id: true, version: true },
        });
        for (const contract of pending) {
          await tx.contract.update({ where: { id: contract.id }, data: { status: "cancelled", cancelledAt: now } });
          await recordJobEvent(tx, {
            tenantId: job.tenantId,
            jobId: job.id,
            actor,
            name: "CONTRACT_VERSION_CANCELLED",
            data: { version: contract.version },
            at: now,
          });
        }
        break;
      }
      case "close-task":
        if (effect.task === "all")
          refs.push(
            ...(await closeSystemTasksOn(tx, { tenantId: job.tenantId, jobId: job.id, event, actor, now, all: true })),
          );
        break;
      case "webhook":
        // Status changes (job.status_changed, job.cancelled) are queued once by performSxAction; a change that keeps
        // the status (date, address, contact, duration, order lines) is announced here.
        if (effect.event === "job.updated") {
          await queueWebhooks(
            tx,
            job.tenantId,
            "job.updated",
            { jobId: job.id, jobNumber: job.number, status: job.status, action: input.action, event },
            now,
          );
        }
        break;
      default:
        // Tags were applied with the update.
        break;
    }
  }
  return refs;
}

type ContactJson = { name?: string; email?: string | null };

/** Events whose customer e-mail reuses another event's template (same news for the customer). */
const CUSTOMER_TEMPLATE: Partial<Record<string, string>> = {
  ORDER_CANCELLED: "job.cancelled",
  CONTRACT_SIGNATURE_IN_PAPER: "job.contract_signed",
};

async function notifyCustomer(
  tx: Tx,
  job: JobRow,
  bu: BuContext,
  event: string,
  vars: Record<string, string | number | null>,
): Promise<void> {
  const contact = job.contact as ContactJson;
  if (!contact.email) return;
  await queueEmail(tx, {
    tenantId: job.tenantId,
    event: CUSTOMER_TEMPLATE[event] ?? `job.${event.toLowerCase()}`,
    locale: bu.locale,
    to: contact.email,
    vars: { jobNumber: job.number, customerName: contact.name ?? "", plannedDate: isoDate(job.plannedDate), ...vars },
  });
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
