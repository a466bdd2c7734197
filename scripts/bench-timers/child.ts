import { fork, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type ChildMessage =
  { type: "ready"; cpuMs: number } | { type: "failed"; message: string } | { type: "usage"; cpuMs: number };

/** The bench's raw claim + outbox handler for every kind, or the worker's own (createTimerHandlers). */
export type WorkerHandlers = "bench" | "production";

export type WorkerChildConfig = {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  sweepEveryMs: number;
  claimAfterMs: number;
  concurrency: number;
  handlers: WorkerHandlers;
  logFile: string;
};

export type WorkerChild = {
  pid: number;
  logFile: string;
  /** Epoch ms when the process was forked and when it reported the worker started. */
  spawnedAt: number;
  readyAt: number;
  exited: Promise<void>;
  /** CPU time used from ready to a graceful stop (startup and its tsx compile excluded; a SIGKILLed one has none). */
  cpuMs: () => number | undefined;
  kill: () => void;
  /** SIGTERM, which waits for active jobs; SIGKILL if that takes longer than `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
};

const ENTRY = fileURLToPath(new URL("./worker-entry.ts", import.meta.url));
const ROOT = path.resolve(path.dirname(ENTRY), "../..");
const live = new Set<ChildProcess>();

/**
 * Forks node itself with the tsx loader rather than the tsx CLI: the CLI runs the script in a grandchild, which a
 * SIGKILL to the CLI's pid would leave running.
 */
export async function startWorkerChild(config: WorkerChildConfig, readyTimeoutMs = 60_000): Promise<WorkerChild> {
  const log = openSync(config.logFile, "a");
  const spawnedAt = Date.now();
  const child = fork(ENTRY, [], {
    cwd: ROOT,
    execArgv: ["--import", "tsx", ...profileArgs()],
    stdio: ["ignore", log, log, "ipc"],
    env: {
      ...process.env,
      LOG_LEVEL: process.env.BENCH_WORKER_LOG_LEVEL ?? "info",
      BENCH_WORKER_DATABASE_URL: config.databaseUrl,
      BENCH_WORKER_REDIS_URL: config.redisUrl,
      BENCH_WORKER_PREFIX: config.prefix,
      BENCH_WORKER_SWEEP_EVERY_MS: String(config.sweepEveryMs),
      BENCH_WORKER_CLAIM_AFTER_MS: String(config.claimAfterMs),
      BENCH_WORKER_CONCURRENCY: String(config.concurrency),
      BENCH_WORKER_HANDLERS: config.handlers,
    },
  });
  closeSync(log);
  live.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      live.delete(child);
      resolve();
    });
  });
  let cpuAtReady = 0;
  let cpuMs: number | undefined;
  child.on("message", (message: ChildMessage) => {
    if (message.type === "ready") cpuAtReady = message.cpuMs;
    if (message.type === "usage") cpuMs = message.cpuMs - cpuAtReady;
  });
  const readyAt = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`bench worker did not start within ${readyTimeoutMs} ms (see ${config.logFile})`));
    }, readyTimeoutMs);
    child.on("message", (message: ChildMessage) => {
      if (message.type === "usage") return;
      clearTimeout(timer);
      if (message.type === "ready") resolve(Date.now());
      else reject(new Error(`bench worker failed to start: ${message.message} (see ${config.logFile})`));
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`bench worker exited during start (see ${config.logFile})`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("bench worker has no pid");
  return {
    pid,
    logFile: config.logFile,
    spawnedAt,
    readyAt,
    exited,
    cpuMs: () => cpuMs,
    kill: () => {
      child.kill("SIGKILL");
    },
    stop: async (graceMs = 20_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** BENCH_WORKER_CPU_PROF=<dir> writes a V8 CPU profile of each worker that exits gracefully, to see where time goes. */
function profileArgs(): string[] {
  const dir = process.env.BENCH_WORKER_CPU_PROF;
  return dir ? ["--cpu-prof", "--cpu-prof-dir", dir] : [];
}

/** Last resort on the way out (an error or Ctrl-C): only the workers this bench forked, by their own pids. */
export function killAllChildren(): void {
  for (const child of live) child.kill("SIGKILL");
}
