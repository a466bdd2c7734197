import { withTenant } from "@atende/db";
import { dispatchTimers, scheduleTimer } from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, createQueues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import {
  createSession,
  createTenant,
  createWorld,
  deleteKeys,
  recordingHandlers,
  sessionExists,
  silentLogger,
  sleep,
  timerRow,
  waitFor,
  type World,
} from "./support";

describe("timers survive the loss of Redis data", () => {
  let world: World;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    world = await createWorld();
  });

  afterAll(async () => {
    await worker?.stop();
    await world?.close();
  });

  it("still expires the session, exactly once, after every queue key is deleted", async () => {
    const tenantId = await createTenant(world.tdb.ownerUrl);
    const expiresAt = new Date(Date.now() + 2_000);
    const sessionId = await createSession(world.db, tenantId, expiresAt);
    const ref = await withTenant(world.db, tenantId, (tx) =>
      scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: sessionId, dueAt: expiresAt }),
    );
    const producer = createQueues(world.redis, world.prefix);
    await dispatchTimers(world.db, producer.timers, [ref]);
    await closeQueues(producer);
    expect(await deleteKeys(world.redis, world.prefix)).toBeGreaterThan(0);
    expect(await world.redis.keys(`${world.prefix}:*`)).toEqual([]);

    const recorded = recordingHandlers();
    worker = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      handlers: recorded.handlers,
      sweepEveryMs: 500,
      sweep: { claimAfterMs: 300 },
    });

    await waitFor(
      async () => ((await sessionExists(world.db, tenantId, sessionId)) ? undefined : true),
      6_000,
      "session deleted",
    );
    await sleep(1_500);
    expect(recorded.fired).toHaveLength(1);
    const timer = await timerRow(world.db, tenantId, ref.timerId);
    expect(timer.status).toBe("fired");
    expect(timer.firedAt).not.toBeNull();
  });

  it("repairs a running worker whose Redis lost every key, sweep schedules included", async () => {
    await worker?.stop();
    const tenantId = await createTenant(world.tdb.ownerUrl);
    const recorded = recordingHandlers();
    worker = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      handlers: recorded.handlers,
      sweepEveryMs: 500,
      sweep: { claimAfterMs: 300 },
    });
    const expiresAt = new Date(Date.now() + 2_000);
    const sessionId = await createSession(world.db, tenantId, expiresAt);
    const ref = await withTenant(world.db, tenantId, (tx) =>
      scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: sessionId, dueAt: expiresAt }),
    );
    await dispatchTimers(world.db, worker.queues.timers, [ref]);
    await sleep(300);
    // The delayed job and the sweep's own schedules are gone while the worker keeps running.
    expect(await deleteKeys(world.redis, world.prefix)).toBeGreaterThan(0);

    await waitFor(
      async () => ((await sessionExists(world.db, tenantId, sessionId)) ? undefined : true),
      8_000,
      "session deleted after the keys were lost",
    );
    await sleep(1_000);
    expect(recorded.fired.filter((f) => f.subject === sessionId)).toHaveLength(1);
  });
});
