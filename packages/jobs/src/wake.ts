import type { JobsOptions, Queue } from "bullmq";
import { randomUUID } from "node:crypto";
import { TIMER_JOBS, ZTimerWake, type TTimerWake } from "./catalog";
import type { TimerRef } from "./timers";

/**
 * Wake-ups are rounded up to this grid: timers of a tenant falling due within the same 10 ms share one job, so a burst
 * of 100,000 timers a minute costs the queue ~100 jobs a second instead of ~1,700 (decision 0021). A timer fires at
 * most this much after its due time on account of the grid.
 */
export const WAKE_GRID_MS = 10;

/**
 * A wake-up's job is due this long before its time, and the worker waits out the rest in process. An idle BullMQ worker
 * picks up a delayed job 0-100 ms late (measured: p50 50 ms, p99 97 ms), because Redis resolves blocking timeouts at its
 * `hz` (10 by default); a busy one picks it up at once.
 */
export const WAKE_LEAD_MS = 150;

/**
 * A wake-up this close (or overdue) gets a job of its own rather than the shared one of its grid slot: the shared job
 * may already be running, and adding a job under a running job's id adds nothing. Far wider than any clock skew
 * between the process that schedules and the worker.
 */
export const WAKE_SHARED_AFTER_MS = 1_000;

type WakeJob = { name: string; data: TTimerWake; opts: JobsOptions };

/** The shared job id of a tenant's grid slot; deterministic, so every scheduler of that slot adds the same job. */
export function wakeJobId(tenantId: string, wakeAt: number): string {
  return `wake-${tenantId}-${wakeAt}`;
}

/** When the wake-up covering a timer due at `dueAt` runs. */
export function wakeTimeOf(dueAt: Date): number {
  return Math.ceil(dueAt.getTime() / WAKE_GRID_MS) * WAKE_GRID_MS;
}

/**
 * Adds the wake-ups covering committed timers: one per tenant and grid slot, under the slot's id, so timers scheduled
 * by many requests for the same slot share one job. Failures are tolerated by callers: the sweep adds wake-ups for
 * timers whose enqueued_at is still empty and fires overdue timers itself.
 */
export async function enqueueTimers(queue: Queue, refs: TimerRef[], now: Date = new Date()): Promise<void> {
  const jobs = wakeJobsFor(refs, now);
  // One job (the usual case after a change) goes without a pipeline: ioredis builds each pipeline by copying every
  // script command BullMQ defines, which showed as 7 % of the API's CPU in ticket creation.
  if (jobs.length === 1) await queue.add(jobs[0]!.name, jobs[0]!.data, jobs[0]!.opts);
  else if (jobs.length > 1) await queue.addBulk(jobs);
}

/** Adds wake-ups of one tenant at the given grid times (the sweep's repair after wake-ups were lost). */
export async function enqueueWakeUps(queue: Queue, tenantId: string, wakeAts: number[], now: Date): Promise<void> {
  if (wakeAts.length > 0) await queue.addBulk(wakeAts.map((wakeAt) => wakeJob(tenantId, wakeAt, now)));
}

export function wakeJobsFor(refs: TimerRef[], now: Date): WakeJob[] {
  const slots = new Map<string, WakeJob>();
  for (const ref of refs) {
    const wakeAt = wakeTimeOf(ref.dueAt);
    const key = `${ref.tenantId}/${wakeAt}`;
    if (!slots.has(key)) slots.set(key, wakeJob(ref.tenantId, wakeAt, now));
  }
  return [...slots.values()];
}

/** Whether a wake-up added now goes under its slot's shared id (see WAKE_SHARED_AFTER_MS). */
function isSharedWakeUp(wakeAt: number, now: Date): boolean {
  return wakeAt - WAKE_LEAD_MS - now.getTime() > WAKE_SHARED_AFTER_MS;
}

function wakeJob(tenantId: string, wakeAt: number, now: Date): WakeJob {
  const delay = Math.max(0, wakeAt - WAKE_LEAD_MS - now.getTime());
  const shared = isSharedWakeUp(wakeAt, now);
  return {
    name: TIMER_JOBS.wake,
    data: { tenantId, wakeAt },
    opts: {
      // BullMQ rejects most ids with ':' and pure integers; a near wake-up's random id never collides with a running job.
      jobId: shared ? wakeJobId(tenantId, wakeAt) : `wake-${tenantId}-${wakeAt}-${randomUUID()}`,
      delay,
      removeOnComplete: true,
      removeOnFail: 1000,
      attempts: 5,
      backoff: { type: "exponential", delay: 1000 },
    },
  };
}

/**
 * The wake-ups still waiting in the queue for a tenant (delayed or ready), oldest first. It scans the queue: for
 * diagnostics and tests, not for a hot path.
 */
export async function pendingWakeUps(queue: Queue, tenantId: string): Promise<TTimerWake[]> {
  const jobs = await queue.getJobs(["delayed", "waiting", "prioritized"]);
  return jobs
    .flatMap((job) => {
      const parsed = ZTimerWake.safeParse(job.data);
      return parsed.success && parsed.data.tenantId === tenantId ? [parsed.data] : [];
    })
    .sort((a, b) => a.wakeAt - b.wakeAt);
}

/** Whether a pending wake-up of the timer's tenant covers it at its due time. */
export async function hasPendingWakeUp(queue: Queue, ref: Pick<TimerRef, "tenantId" | "dueAt">): Promise<boolean> {
  const wakeAt = wakeTimeOf(ref.dueAt);
  return (await pendingWakeUps(queue, ref.tenantId)).some((wake) => wake.wakeAt === wakeAt);
}
