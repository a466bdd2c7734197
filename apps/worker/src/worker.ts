import type { Db } from "@atende/db";
import { liveChannel, type LivePublisher } from "@atende/desk";
import {
  createDueTimerFirer,
  dispatchTimers,
  MAINTENANCE_JOBS,
  type SweepTimersOptions,
  type TimerHandlers,
} from "@atende/jobs";
import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { emailChannel, createLogMailer, type Mailer } from "./channels/email.channel";
import { webhookChannel } from "./channels/webhook.channel";
import { createTimerHandlers } from "./jobs";
import { DEFAULT_OUTBOX_RETRY, type OutboxRetry } from "./jobs/outbox-dispatch.job";
import { createMaintenanceWorker } from "./maintenance.worker";
import { createOutboxWorker } from "./outbox.worker";
import { closeQueues, createQueues, type Queues } from "./queues";
import { createTimersWorker } from "./timers.worker";

export type WorkerDeps = {
  db: Db;
  /** Shared by every queue and worker (BullMQ duplicates it for blocking reads); needs maxRetriesPerRequest: null. */
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** Defaults to a mailer that only logs message ids. */
  mailer?: Mailer;
  now?: () => Date;
  sweepEveryMs?: number;
  /** Timer wake-ups processed at once by this process (DEFAULT_TIMERS_CONCURRENCY). */
  timersConcurrency?: number;
  outboxSweepEveryMs?: number;
  sweep?: SweepTimersOptions;
  outboxRetry?: Partial<OutboxRetry>;
  /** Replaces every timer handler (tests); by default they are built from the deps with createTimerHandlers. */
  handlers?: TimerHandlers;
  /** Defaults to Redis pub/sub on the channel the API streams to browsers. */
  publish?: LivePublisher;
  /** Where contract PDFs are written; the API serves them from the same directory. */
  storageDir?: string;
  /** The web app's address, for signing links in automatic contract e-mails and ticket links in SLA e-mails. */
  publicUrl?: string;
  /** Let webhooks reach loopback and private addresses (development and tests only). */
  webhookAllowPrivateNetworks?: boolean;
};

export type RunningWorker = { queues: Queues; stop: () => Promise<void> };

/**
 * Starts the timers, outbox and maintenance workers and (re)declares the sweep schedulers. The caller owns `db` and
 * `redis`: stop() closes what this started, waiting for active jobs, and leaves those two open.
 */
export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const now = deps.now ?? (() => new Date());
  const { db, redis, prefix, logger } = deps;
  const queues = createQueues(redis, prefix);
  const publish = deps.publish ?? redisPublisher(redis, prefix);
  const handlers =
    deps.handlers ??
    createTimerHandlers({
      db,
      timersQueue: queues.timers,
      publish,
      log: logger,
      ...(deps.storageDir ? { storageDir: deps.storageDir } : {}),
      ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    });
  const mailer = deps.mailer ?? createLogMailer(logger);
  const fire = createDueTimerFirer(db, handlers, now, {
    log: logger,
    dispatch: (refs) => dispatchTimers(db, queues.timers, refs, now()),
  });
  const workers: Worker[] = [
    createTimersWorker({
      redis,
      prefix,
      logger,
      now,
      fire,
      ...(deps.timersConcurrency ? { concurrency: deps.timersConcurrency } : {}),
    }),
    createOutboxWorker({
      db,
      redis,
      prefix,
      logger,
      now,
      channels: {
        email: emailChannel(mailer),
        webhook: webhookChannel({ db, now, allowPrivateNetworks: deps.webhookAllowPrivateNetworks ?? false }),
      },
      retry: { ...DEFAULT_OUTBOX_RETRY, ...deps.outboxRetry },
    }),
    createMaintenanceWorker({ db, redis, prefix, logger, now, queues, handlers, fire, sweep: deps.sweep ?? {} }),
  ];
  const sweepEveryMs = deps.sweepEveryMs ?? 15_000;
  const declare = () => scheduleSweeps(queues, sweepEveryMs, deps.outboxSweepEveryMs ?? 5_000);
  try {
    await declare();
  } catch (error) {
    await closeAll(workers, queues);
    throw error;
  }
  // The schedules live in Redis: if Redis loses its data they vanish with the timers' jobs, and the sweep that would
  // repair those jobs would never run again. Re-declaring them (an idempotent upsert) brings the sweep back.
  const redeclare = setInterval(
    () => {
      declare().catch((error: unknown) => logger.warn({ err: error }, "could not re-declare the sweep schedules"));
    },
    Math.max(1_000, sweepEveryMs),
  );
  redeclare.unref();
  logger.info({ prefix, mailer: mailer.kind }, "worker started");
  return {
    queues,
    stop: async () => {
      clearInterval(redeclare);
      await closeAll(workers, queues);
    },
  };
}

function redisPublisher(redis: Redis, prefix: string): LivePublisher {
  return async (tenantId, event) => {
    await redis.publish(liveChannel(prefix, tenantId), JSON.stringify(event));
  };
}

/** Upserting by a fixed id keeps one schedule per queue however many worker replicas start. */
async function scheduleSweeps(queues: Queues, timersEveryMs: number, outboxEveryMs: number): Promise<void> {
  const opts = { removeOnComplete: true, removeOnFail: 100 };
  await queues.maintenance.upsertJobScheduler(
    MAINTENANCE_JOBS.sweepTimers,
    { every: timersEveryMs },
    { name: MAINTENANCE_JOBS.sweepTimers, data: {}, opts },
  );
  await queues.maintenance.upsertJobScheduler(
    MAINTENANCE_JOBS.sweepOutbox,
    { every: outboxEveryMs },
    { name: MAINTENANCE_JOBS.sweepOutbox, data: {}, opts },
  );
}

async function closeAll(workers: Worker[], queues: Queues): Promise<void> {
  await Promise.all(workers.map((worker) => worker.close()));
  await closeQueues(queues);
}
