import { TIMER_JOBS, QUEUES, WAKE_LEAD_MS, ZTimerJob, ZTimerWake, type DueTimerFirer } from "@atende/jobs";
import { setTimeout as sleep } from "node:timers/promises";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

export type TimersWorkerDeps = {
  redis: Redis;
  prefix: string;
  logger: Logger;
  now: () => Date;
  /** The process's firer (createDueTimerFirer), shared with the sweep so both draw on the same transaction slots. */
  fire: DueTimerFirer;
  /** Wake-ups processed at once; each fires its tenant's due timers in batches (decision 0021). */
  concurrency?: number;
};

/** Wake-ups arrive up to WAKE_LEAD_MS early and wait in process, so several are held at once per busy tenant. */
export const DEFAULT_TIMERS_CONCURRENCY = 32;

/**
 * Short locks so a wake-up held by a crashed process is retried within seconds; the claims make the retry (or a
 * duplicate delivery after a crash between commit and ack) harmless, and any later wake-up of the tenant or the sweep
 * fires the crashed one's timers anyway.
 */
export function createTimersWorker(deps: TimersWorkerDeps): Worker {
  const worker = new Worker(QUEUES.timers, (job: Job) => processWake(deps, job), {
    connection: deps.redis,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? DEFAULT_TIMERS_CONCURRENCY,
    lockDuration: 5_000,
    stalledInterval: 2_000,
  });
  worker.on("failed", (job, error) => deps.logger.error({ err: error, jobId: job?.id }, "timer wake-up failed"));
  worker.on("error", (error) => deps.logger.error({ err: error }, "timers worker error"));
  return worker;
}

async function processWake(deps: TimersWorkerDeps, job: Job): Promise<{ fired: number }> {
  // A job left in Redis by a worker from before decision 0021, one per timer, still wakes its tenant when it falls due.
  const legacy = job.name !== TIMER_JOBS.wake ? ZTimerJob.safeParse(job.data) : undefined;
  if (legacy?.success) return { fired: await deps.fire(legacy.data.tenantId, deps.now()) };
  // A job whose hash vanished while it was being taken (Redis keys deleted or evicted) arrives without name or data;
  // the sweep fires its timers from the database.
  if (job.name !== TIMER_JOBS.wake) throw new UnrecoverableError(`not a timer wake-up: "${String(job.name)}"`);
  const parsed = ZTimerWake.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid wake-up data: ${parsed.error.message}`);
  const { tenantId, wakeAt } = parsed.data;
  // Queued WAKE_LEAD_MS ahead of its time (see there). The wait is capped: the job's delay was computed with the
  // scheduler's clock, which need not agree with this process's.
  const early = wakeAt - deps.now().getTime();
  if (early > 0) await sleep(Math.min(early, WAKE_LEAD_MS));
  // Due by the wake-up's own time even if this process's clock lags the scheduler's.
  const dueBy = new Date(Math.max(wakeAt, deps.now().getTime()));
  const fired = await deps.fire(tenantId, dueBy);
  deps.logger.debug({ jobId: job.id, fired }, "timers woken");
  return { fired };
}
