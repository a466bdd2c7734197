import type { Db } from "@atende/db";
import {
  MAINTENANCE_JOBS,
  QUEUES,
  sweepTimers,
  type DueTimerFirer,
  type SweepTimersOptions,
  type TimerHandlers,
} from "@atende/jobs";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { sweepOutbox } from "./jobs/outbox-sweep.job";
import type { Queues } from "./queues";

export type MaintenanceWorkerDeps = {
  db: Db;
  redis: Redis;
  prefix: string;
  logger: Logger;
  now: () => Date;
  queues: Queues;
  handlers: TimerHandlers;
  fire: DueTimerFirer;
  sweep: SweepTimersOptions;
};

export function createMaintenanceWorker(deps: MaintenanceWorkerDeps): Worker {
  const worker = new Worker(QUEUES.maintenance, (job: Job) => processMaintenanceJob(deps, job), {
    connection: deps.redis,
    prefix: deps.prefix,
    concurrency: 1,
  });
  worker.on("failed", (job, error) => deps.logger.error({ err: error, job: job?.name }, "maintenance job failed"));
  worker.on("error", (error) => deps.logger.error({ err: error }, "maintenance worker error"));
  return worker;
}

async function processMaintenanceJob(deps: MaintenanceWorkerDeps, job: Job): Promise<object> {
  const { db, now, logger, queues } = deps;
  switch (job.name) {
    case MAINTENANCE_JOBS.sweepTimers: {
      const result = await sweepTimers(
        { db, now, log: logger, queue: queues.timers, handlers: deps.handlers, fire: deps.fire },
        deps.sweep,
      );
      if (result.enqueued + result.firedDirectly + result.rewoken > 0)
        logger.info(result, "timer sweep repaired timers");
      return result;
    }
    case MAINTENANCE_JOBS.sweepOutbox:
      return { enqueued: await sweepOutbox({ db, now, logger, queue: queues.outbox }) };
    default:
      throw new UnrecoverableError(`unknown maintenance job "${job.name}"`);
  }
}
