import type { Db } from "@atende/db";
import {
  createTimerFirer,
  QUEUES,
  timerHandlerFor,
  UnknownTimerKindError,
  ZTimerJob,
  type TimerFirer,
  type TimerHandlers,
} from "@atende/jobs";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

export type TimersWorkerDeps = {
  db: Db;
  redis: Redis;
  prefix: string;
  logger: Logger;
  now: () => Date;
  handlers: TimerHandlers;
  /** Jobs processed at once; raw handlers' jobs share transactions (createTimerFirer), so more means larger batches. */
  concurrency?: number;
};

export const DEFAULT_TIMERS_CONCURRENCY = 50;

/**
 * Short locks so a job held by a crashed process is retried within seconds; the generation claim makes the retry
 * (or a duplicate delivery after a crash between commit and ack) harmless.
 */
export function createTimersWorker(deps: TimersWorkerDeps): Worker {
  const fire = createTimerFirer(deps.db, deps.handlers, deps.now);
  const worker = new Worker(QUEUES.timers, (job: Job) => processTimerJob(deps, fire, job), {
    connection: deps.redis,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? DEFAULT_TIMERS_CONCURRENCY,
    lockDuration: 5_000,
    stalledInterval: 2_000,
  });
  worker.on("failed", (job, error) =>
    deps.logger.error({ err: error, jobId: job?.id, kind: job?.name }, "timer job failed"),
  );
  worker.on("error", (error) => deps.logger.error({ err: error }, "timers worker error"));
  return worker;
}

async function processTimerJob(deps: TimersWorkerDeps, fire: TimerFirer, job: Job): Promise<{ fired: boolean }> {
  // A job whose hash vanished while it was being taken (Redis keys deleted or evicted) arrives without name or data.
  if (job.name === undefined && job.data === undefined)
    throw new UnrecoverableError("timer job lost its data in Redis; the sweep fires its timer from the database");
  try {
    timerHandlerFor(deps.handlers, job.name);
  } catch (error) {
    if (error instanceof UnknownTimerKindError) throw new UnrecoverableError(error.message);
    throw error;
  }
  const parsed = ZTimerJob.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid timer job data: ${parsed.error.message}`);
  const fired = await fire(parsed.data);
  deps.logger.debug(
    { jobId: job.id, kind: job.name, fired },
    fired ? "timer fired" : "timer job found nothing to claim",
  );
  return { fired };
}
