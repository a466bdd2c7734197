import type { Db } from "@atende/db";
import { fireTimer, QUEUES, timerHandlerFor, UnknownTimerKindError, ZTimerJob, type TimerHandlers } from "@atende/jobs";
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
};

/**
 * Short locks so a job held by a crashed process is retried within seconds; the generation claim makes the retry
 * (or a duplicate delivery after a crash between commit and ack) harmless.
 */
export function createTimersWorker(deps: TimersWorkerDeps): Worker {
  const worker = new Worker(QUEUES.timers, (job: Job) => processTimerJob(deps, job), {
    connection: deps.redis,
    prefix: deps.prefix,
    concurrency: 10,
    lockDuration: 5_000,
    stalledInterval: 2_000,
  });
  worker.on("failed", (job, error) =>
    deps.logger.error({ err: error, jobId: job?.id, kind: job?.name }, "timer job failed"),
  );
  worker.on("error", (error) => deps.logger.error({ err: error }, "timers worker error"));
  return worker;
}

async function processTimerJob(deps: TimersWorkerDeps, job: Job): Promise<{ fired: boolean }> {
  try {
    timerHandlerFor(deps.handlers, job.name);
  } catch (error) {
    if (error instanceof UnknownTimerKindError) throw new UnrecoverableError(error.message);
    throw error;
  }
  const parsed = ZTimerJob.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid timer job data: ${parsed.error.message}`);
  const fired = await fireTimer(deps.db, deps.handlers, parsed.data, deps.now());
  deps.logger.debug(
    { jobId: job.id, kind: job.name, fired },
    fired ? "timer fired" : "timer job found nothing to claim",
  );
  return { fired };
}
