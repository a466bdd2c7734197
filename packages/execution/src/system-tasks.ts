import type { Tx } from "@atende/db";
import { assignTicketNumber, recordTicketEvent, replanSla } from "@atende/desk";
import { SYSTEM_TASK_META, type SxEventName, type SystemTaskKind } from "@atende/domain";
import type { TimerRef } from "@atende/jobs";
import type { ExecActor } from "./exec-deps";
import { recordJobEvent } from "./job-events";

type TaskJob = { id: string; number: number; buId: string };

/**
 * A system task is a ticket of type task in its group's queue, with the SLA its policy gives, linked to the job
 * (ticket.job_id, and a TASK_OPENED event on the job). One open task per job and kind: a second cause is a no-op.
 */
export async function openSystemTask(
  tx: Tx,
  input: { tenantId: string; job: TaskJob; kind: SystemTaskKind; actor: ExecActor; now: Date; detail?: string },
): Promise<TimerRef[]> {
  const { tenantId, job, kind, now } = input;
  const existing = await tx.ticket.findFirst({
    where: { tenantId, jobId: job.id, taskKind: kind, isOpen: true },
    select: { id: true },
  });
  if (existing) return [];
  const meta = SYSTEM_TASK_META[kind];
  const group = await tx.group.findFirst({ where: { tenantId, code: meta.groupCode }, select: { id: true } });
  const subject = meta.subject(String(job.number));
  const ticket = await tx.ticket.create({
    data: {
      tenantId,
      buId: job.buId,
      subject,
      description: input.detail ? `${subject}\n\n${input.detail}` : subject,
      channel: "system",
      proposedType: "task",
      proposedPriority: meta.priority,
      type: "task",
      priority: meta.priority,
      groupId: group?.id ?? null,
      tags: ["system_task", kind.toLowerCase()],
      jobId: job.id,
      taskKind: kind,
      createdAt: now,
    },
  });
  const refs = await replanSla(tx, tenantId, ticket.id, now);
  const number = await assignTicketNumber(tx, tenantId, ticket.id);
  await recordTicketEvent(tx, {
    tenantId,
    ticketId: ticket.id,
    actor: input.actor,
    type: "ticket.created",
    data: { number, channel: "system", jobId: job.id, jobNumber: job.number, taskKind: kind },
    at: now,
  });
  await recordJobEvent(tx, {
    tenantId,
    jobId: job.id,
    actor: input.actor,
    name: "TASK_OPENED",
    data: { kind, ticketId: ticket.id, ticketNumber: number },
    at: now,
  });
  return refs;
}

/** Closes the job's open tasks that this event resolves (e.g. a signature closes CONTRACT_NOT_SIGNED). */
export async function closeSystemTasksOn(
  tx: Tx,
  input: { tenantId: string; jobId: string; event: SxEventName; actor: ExecActor; now: Date; all?: boolean },
): Promise<TimerRef[]> {
  const { tenantId, jobId, now } = input;
  const open = await tx.ticket.findMany({
    where: { tenantId, jobId, isOpen: true, taskKind: { not: null } },
    select: { id: true, taskKind: true, status: true },
  });
  const refs: TimerRef[] = [];
  for (const task of open) {
    const meta = SYSTEM_TASK_META[task.taskKind as SystemTaskKind];
    if (!input.all && (!meta || !meta.closesOn.includes(input.event))) continue;
    await tx.ticket.update({
      where: { id: task.id },
      data: {
        status: "closed",
        resolutionKind: "definitive",
        resolutionNote: `Closed automatically: ${input.event}`,
        resolvedAt: now,
        closedAt: now,
        version: { increment: 1 },
      },
    });
    await recordTicketEvent(tx, {
      tenantId,
      ticketId: task.id,
      actor: input.actor,
      type: "ticket.auto_closed",
      data: { from: task.status, to: "closed", cause: input.event },
      at: now,
    });
    refs.push(...(await replanSla(tx, tenantId, task.id, now)));
    await recordJobEvent(tx, {
      tenantId,
      jobId,
      actor: input.actor,
      name: "TASK_CLOSED",
      data: { kind: task.taskKind, ticketId: task.id, cause: input.event },
      at: now,
    });
  }
  return refs;
}
