import { QUEUES, ZOutboxJob } from "@atende/jobs";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { dispatchOutbox, type OutboxDispatchDeps } from "./jobs/outbox-dispatch.job";

export type OutboxWorkerDeps = OutboxDispatchDeps & { redis: Redis; prefix: string };

export function createOutboxWorker(deps: OutboxWorkerDeps): Worker {
  const worker = new Worker(QUEUES.outbox, (job: Job) => processOutboxJob(deps, job), {
    connection: deps.redis,
    prefix: deps.prefix,
    concurrency: 5,
    lockDuration: 10_000,
    stalledInterval: 5_000,
  });
  worker.on("failed", (job, error) => deps.logger.error({ err: error, jobId: job?.id }, "outbox job failed"));
  worker.on("error", (error) => deps.logger.error({ err: error }, "outbox worker error"));
  return worker;
}

async function processOutboxJob(deps: OutboxDispatchDeps, job: Job): Promise<{ result: string }> {
  const parsed = ZOutboxJob.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid outbox job data: ${parsed.error.message}`);
  return { result: await dispatchOutbox(deps, parsed.data) };
}
