import { withTenant } from "@atende/db";
import { dispatchTimers, enqueueTimers, hasPendingWakeUp, scheduleTimer, TIMER_JOBS } from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "../src/worker";
import {
  createSession,
  createTenant,
  createWorld,
  recordingHandlers,
  sessionExists,
  silentLogger,
  sleep,
  timerRow,
  waitFor,
  type World,
} from "./support";

describe("session-expiry timers through the running worker", () => {
  let world: World;
  let worker: RunningWorker;
  let tenantId: string;
  const recorded = recordingHandlers();

  beforeAll(async () => {
    world = await createWorld();
    tenantId = await createTenant(world.tdb.ownerUrl);
    worker = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      handlers: recorded.handlers,
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await world?.close();
  });

  it("deletes the session when it expires and marks the timer fired", async () => {
    const expiresAt = new Date(Date.now() + 1_500);
    const sessionId = await createSession(world.db, tenantId, expiresAt);
    const ref = await withTenant(world.db, tenantId, (tx) =>
      scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: sessionId, dueAt: expiresAt }),
    );
    await dispatchTimers(world.db, worker.queues.timers, [ref]);
    expect((await timerRow(world.db, tenantId, ref.timerId)).enqueuedAt).not.toBeNull();

    await waitFor(
      async () => ((await sessionExists(world.db, tenantId, sessionId)) ? undefined : true),
      5_000,
      "session deleted",
    );
    const timer = await timerRow(world.db, tenantId, ref.timerId);
    expect(timer.status).toBe("fired");
    expect(timer.firedAt!.getTime()).toBeGreaterThanOrEqual(expiresAt.getTime());
  });

  it("fires a rescheduled timer once, at its new time, and the wake-up of its old time finds nothing", async () => {
    const firstDue = new Date(Date.now() + 1_000);
    const secondDue = new Date(Date.now() + 2_500);
    const sessionId = await createSession(world.db, tenantId, firstDue);
    const first = await withTenant(world.db, tenantId, (tx) =>
      scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: sessionId, dueAt: firstDue }),
    );
    await dispatchTimers(world.db, worker.queues.timers, [first]);
    const second = await withTenant(world.db, tenantId, async (tx) => {
      await tx.session.update({ where: { id: sessionId }, data: { expiresAt: secondDue } });
      return scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: sessionId, dueAt: secondDue });
    });
    await dispatchTimers(world.db, worker.queues.timers, [second]);
    expect(second.generation).toBe(first.generation + 1);

    await waitFor(
      async () => ((await hasPendingWakeUp(worker.queues.timers, first)) ? undefined : true),
      3_000,
      "the old wake-up done",
    );
    expect(await sessionExists(world.db, tenantId, sessionId)).toBe(true);
    expect((await timerRow(world.db, tenantId, first.timerId)).status).toBe("scheduled");

    await waitFor(
      async () => ((await sessionExists(world.db, tenantId, sessionId)) ? undefined : true),
      4_000,
      "session deleted",
    );
    await enqueueTimers(worker.queues.timers, [{ ...first, dueAt: new Date() }]);
    await enqueueTimers(worker.queues.timers, [{ ...second, dueAt: new Date() }]);
    await sleep(500);
    const runs = recorded.fired.filter((run) => run.subject === sessionId);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.generation).toBe(second.generation);
    expect(runs[0]!.at.getTime()).toBeGreaterThanOrEqual(secondDue.getTime());
  });

  it("fires the tenant's due timers for a per-timer job left in Redis by a worker from before wake-ups", async () => {
    const sessionId = await createSession(world.db, tenantId, new Date(Date.now() - 1_000));
    const ref = await withTenant(world.db, tenantId, (tx) =>
      scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: sessionId, dueAt: new Date() }),
    );
    const { dueAt: _dueAt, ...legacyData } = ref;
    await worker.queues.timers.add(ref.kind, legacyData, { jobId: `${ref.kind}-${ref.subject}-${ref.generation}` });
    await waitFor(
      async () => ((await sessionExists(world.db, tenantId, sessionId)) ? undefined : true),
      3_000,
      "session deleted",
    );
    expect((await timerRow(world.db, tenantId, ref.timerId)).status).toBe("fired");
  });

  it("fails a job that is not a wake-up, or whose data is not one, without retrying it", async () => {
    await worker.queues.timers.add("no-such-kind", { tenantId }, { jobId: "no-such-kind-x-1", attempts: 3 });
    const queue = worker.queues.timers;
    await waitFor(
      async () => ((await queue.getJobState("no-such-kind-x-1")) === "failed" ? true : undefined),
      3_000,
      "job failed",
    );
    const job = (await queue.getJob("no-such-kind-x-1"))!;
    expect(job.failedReason).toBe('not a timer wake-up: "no-such-kind"');
    expect(job.attemptsMade).toBe(1);
    await queue.add(TIMER_JOBS.wake, { tenantId: "nope" }, { jobId: "bad-wake-x-1", attempts: 3 });
    await waitFor(
      async () => ((await queue.getJobState("bad-wake-x-1")) === "failed" ? true : undefined),
      3_000,
      "bad wake-up failed",
    );
    const bad = (await queue.getJob("bad-wake-x-1"))!;
    expect(bad.failedReason).toContain("invalid wake-up data");
    expect(bad.attemptsMade).toBe(1);
  });
});
