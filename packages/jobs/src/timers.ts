import type { TenantQuery, Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TimerKind, TTimerJob } from "./catalog";

export type TimerRef = TTimerJob & { dueAt: Date };

/**
 * Upserts the timer row inside the caller's transaction, bumping its generation so a claim made for the earlier schedule
 * finds nothing. Enqueue the returned ref only after the transaction commits.
 */
export async function scheduleTimer(
  tx: Tx,
  input: { tenantId: string; kind: TimerKind; subject: string; dueAt: Date; payload?: Record<string, unknown> },
): Promise<TimerRef> {
  const payload = (input.payload ?? {}) as PrismaNamespace.InputJsonValue;
  const row = await tx.timer.upsert({
    where: { tenantId_kind_subject: { tenantId: input.tenantId, kind: input.kind, subject: input.subject } },
    create: { tenantId: input.tenantId, kind: input.kind, subject: input.subject, dueAt: input.dueAt, payload },
    update: {
      dueAt: input.dueAt,
      payload,
      status: "scheduled",
      generation: { increment: 1 },
      attempts: 0,
      enqueuedAt: null,
      firedAt: null,
    },
    select: { id: true, generation: true },
  });
  return {
    tenantId: input.tenantId,
    timerId: row.id,
    kind: input.kind,
    subject: input.subject,
    generation: row.generation,
    dueAt: input.dueAt,
  };
}

/**
 * The raw counterpart of scheduleTimer for a timer its handler has just claimed: scheduled again at `dueAt` under the
 * next generation, with enqueued_at cleared. Enqueue the returned ref after the commit; null when the row is gone.
 */
export async function rescheduleClaimedTimerRaw(
  query: TenantQuery,
  job: TTimerJob,
  dueAt: Date,
): Promise<TimerRef | null> {
  const [row] = await query<{ generation: number }>(PrismaNamespace.sql`
    UPDATE timers SET status = 'scheduled', due_at = ${dueAt}, generation = generation + 1,
      attempts = 0, enqueued_at = NULL, fired_at = NULL
    WHERE id = ${job.timerId}::uuid AND tenant_id = ${job.tenantId}::uuid
    RETURNING generation`);
  return row ? { ...job, generation: row.generation, dueAt } : null;
}

export async function cancelTimer(tx: Tx, tenantId: string, kind: TimerKind, subject: string): Promise<void> {
  await tx.timer.updateMany({
    where: { tenantId, kind, subject, status: "scheduled" },
    data: { status: "cancelled", generation: { increment: 1 } },
  });
}

/**
 * Claims a due timer for its handler: only the current generation of a still-scheduled timer matches, so a timer
 * rescheduled, cancelled or fired since it was listed finds nothing and does nothing. Run the handler's work in the
 * same transaction.
 */
export async function claimTimer(tx: Tx, job: TTimerJob, now: Date): Promise<boolean> {
  // Raw SQL because this runs once per fired timer: a model query costs the worker more CPU in the ORM's query
  // compiler than the statement costs PostgreSQL, and that capped a worker at well under 100,000 timers a minute.
  return (await tx.$executeRaw(claimStatement(job, now))) === 1;
}

/** The same claim inside a raw tenant transaction (writeAsTenant), for handlers that need only SQL. */
export async function claimTimerRaw(query: TenantQuery, job: TTimerJob, now: Date): Promise<boolean> {
  return (await query<{ id: string }>(claimStatement(job, now, PrismaNamespace.sql`RETURNING id`))).length === 1;
}

function claimStatement(
  job: TTimerJob,
  now: Date,
  tail: PrismaNamespace.Sql = PrismaNamespace.empty,
): PrismaNamespace.Sql {
  return PrismaNamespace.sql`
    UPDATE timers SET status = 'fired', fired_at = ${now}
    WHERE id = ${job.timerId}::uuid AND tenant_id = ${job.tenantId}::uuid
      AND generation = ${job.generation} AND status = 'scheduled'
    ${tail}`;
}
