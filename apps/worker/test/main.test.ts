import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { dispatchTimers, scheduleTimer } from "@atende/jobs";
import { randomUUID } from "node:crypto";
import { startWorker } from "../src/worker";
import {
  createTenant,
  createWorld,
  sessionExpiryOnly,
  silentLogger,
  sleep,
  timerRow,
  waitFor,
  type World,
} from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("worker process", () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it("starts from the environment and exits 0 on SIGTERM after closing everything", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATABASE_APP_URL: world.tdb.appUrl,
        REDIS_URL: world.redisUrl,
        REDIS_PREFIX: world.prefix,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    await waitFor(async () => (output.includes("worker started") ? true : undefined), 15_000, "worker started");
    expect(output).toContain("SMTP_URL is not set");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("worker stopped");
  });

  it("stop() waits for the active job to finish before closing", async () => {
    const tenantId = await createTenant(world.tdb.ownerUrl);
    const finished: string[] = [];
    const handlers = sessionExpiryOnly(async (_tx, job) => {
      await sleep(800);
      finished.push(job.subject);
    });
    const running = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      handlers,
    });
    const ref = await withTenant(world.db, tenantId, (tx) =>
      scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: randomUUID(), dueAt: new Date() }),
    );
    await dispatchTimers(world.db, running.queues.timers, [ref]);
    await waitFor(
      async () => ((await running.queues.timers.getActiveCount()) > 0 ? true : undefined),
      3_000,
      "wake-up active",
    );

    await running.stop();
    expect(finished).toEqual([ref.subject]);
    expect((await timerRow(world.db, tenantId, ref.timerId)).status).toBe("fired");
  });
});
