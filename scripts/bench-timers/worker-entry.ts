// One worker process for `pnpm bench:timers`, forked with an IPC channel so the bench can SIGKILL it mid-burst.
// Configuration comes from BENCH_WORKER_* variables set by the parent.
import { createRequire } from "node:module";
import { createDb } from "@atende/db";
import { Redis } from "ioredis";
import { startWorker, type WorkerDeps } from "../../apps/worker/src/worker";
import { benchHandlers } from "./handlers";
import type { ChildMessage } from "./child";

type CreateLogger = (options: { level: string }) => WorkerDeps["logger"];

// pino is a dependency of the worker app only, not of the workspace root, so it is resolved from there.
const { pino } = createRequire(new URL("../../apps/worker/package.json", import.meta.url))("pino") as {
  pino: CreateLogger;
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (this file is started by scripts/bench-timers.ts)`);
  return value;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });
const db = createDb({ connectionString: required("BENCH_WORKER_DATABASE_URL") });
const redis = new Redis(required("BENCH_WORKER_REDIS_URL"), { maxRetriesPerRequest: null });

try {
  const running = await startWorker({
    db,
    redis,
    prefix: required("BENCH_WORKER_PREFIX"),
    logger,
    // Production handlers come from startWorker's defaults, e-mail through its log mailer (no network).
    ...(required("BENCH_WORKER_HANDLERS") === "production" ? {} : { handlers: benchHandlers }),
    sweepEveryMs: Number(required("BENCH_WORKER_SWEEP_EVERY_MS")),
    timersConcurrency: Number(required("BENCH_WORKER_CONCURRENCY")),
    sweep: { claimAfterMs: Number(required("BENCH_WORKER_CLAIM_AFTER_MS")) },
  });
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    await db.$disconnect();
    await redis.quit();
    const message: ChildMessage = { type: "usage", cpuMs: cpuMs() };
    if (process.connected) process.send?.(message, () => process.exit(0));
    else process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());
  // A bench that died without stopping its workers must not leave them consuming the CPU of the next run.
  process.on("disconnect", () => void shutdown());
  send({ type: "ready", cpuMs: cpuMs() });
} catch (error) {
  logger.fatal({ err: error }, "bench worker failed to start");
  send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
