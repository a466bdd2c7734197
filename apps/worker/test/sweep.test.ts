import { withTenant } from "@atende/db";
import {
  dispatchTimers,
  ENQUEUE_HORIZON_MS,
  markEnqueued,
  QUEUES,
  scheduleTimer,
  sweepTimers,
  timerJobId,
  type TimerRef,
} from "@atende/jobs";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueues, closeQueues, type Queues } from "../src/queues";
import { createTenant, createWorld, sessionExpiryOnly, silentLogger, timerRow, type World } from "./support";

describe("sweepTimers without a running worker", () => {
  let world: World;
  let queues: Queues;
  let tenants: string[];
  const fired: string[] = [];
  const handlers = sessionExpiryOnly(async (_tx, job) => {
    fired.push(job.timerId);
  });

  beforeAll(async () => {
    world = await createWorld();
    queues = createQueues(world.redis, world.prefix);
    tenants = [await createTenant(world.tdb.ownerUrl), await createTenant(world.tdb.ownerUrl)];
  });

  afterAll(async () => {
    await closeQueues(queues);
    await world?.close();
  });

  async function schedule(tenantId: string, dueAt: Date): Promise<TimerRef> {
    return withTenant(world.db, tenantId, (tx) =>
      scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: randomUUID(), dueAt }),
    );
  }

  it("enqueues a timer that was committed but never enqueued", async () => {
    // Within the horizon, and still not due when a later test sweeps three minutes ahead.
    const ref = await schedule(tenants[0]!, new Date(Date.now() + 4 * 60_000));
    const deps = { db: world.db, queue: queues.timers, redis: world.redis, handlers, log: silentLogger };

    const tooSoon = await sweepTimers({ ...deps, now: () => new Date() });
    expect(tooSoon).toEqual({ reEnqueued: 0, claimedDirectly: 0 });

    const later = () => new Date(Date.now() + 6_000);
    expect(await sweepTimers({ ...deps, now: later })).toEqual({ reEnqueued: 1, claimedDirectly: 0 });
    expect(await queues.timers.getJobState(timerJobId(ref))).toBe("delayed");
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).not.toBeNull();

    expect(await sweepTimers({ ...deps, now: later })).toEqual({ reEnqueued: 0, claimedDirectly: 0 });
    await queues.timers.remove(timerJobId(ref));
  });

  it("pages overdue timers of every tenant by (due_at, id), re-adding under their own ids only jobs gone", async () => {
    await queues.timers.pause();
    const dueAt = new Date(Date.now() - 5_000);
    const refs = [
      ...(await Promise.all([1, 2, 3].map(() => schedule(tenants[0]!, dueAt)))),
      ...(await Promise.all([1, 2].map(() => schedule(tenants[1]!, dueAt)))),
    ];
    const deps = {
      db: world.db,
      queue: queues.timers,
      redis: world.redis,
      handlers,
      log: silentLogger,
      now: () => new Date(),
    };

    expect(await sweepTimers(deps, { pageSize: 2 })).toEqual({ reEnqueued: 5, claimedDirectly: 0 });
    expect(await sweepTimers(deps, { pageSize: 2 })).toEqual({ reEnqueued: 0, claimedDirectly: 0 });
    const states = await Promise.all(refs.map((ref) => queues.timers.getJobState(timerJobId(ref))));
    expect(states).toEqual(["waiting", "waiting", "waiting", "waiting", "waiting"]);
    expect(await queues.timers.getJobCounts("waiting")).toEqual({ waiting: 5 });

    // As if Redis had lost these two jobs: only they are added again.
    await queues.timers.remove(timerJobId(refs[1]!));
    await queues.timers.remove(timerJobId(refs[4]!));
    expect(await sweepTimers(deps, { pageSize: 2 })).toEqual({ reEnqueued: 2, claimedDirectly: 0 });
    expect(await queues.timers.getJobCounts("waiting")).toEqual({ waiting: 5 });
    expect(fired).toHaveLength(0);
  });

  it("fires long-overdue timers itself, exactly once, through the generation claim", async () => {
    const late = () => new Date(Date.now() + 60_000);
    const deps = { db: world.db, queue: queues.timers, redis: world.redis, handlers, log: silentLogger, now: late };

    expect(await sweepTimers(deps, { pageSize: 2, claimAfterMs: 30_000 })).toEqual({
      reEnqueued: 0,
      claimedDirectly: 5,
    });
    expect(fired).toHaveLength(5);
    expect(await sweepTimers(deps, { pageSize: 2, claimAfterMs: 30_000 })).toEqual({
      reEnqueued: 0,
      claimedDirectly: 0,
    });
    expect(fired).toHaveLength(5);
  });

  it("leaves a timer due beyond the enqueue horizon in the database until a sweep finds it within", async () => {
    const dueAt = new Date(Date.now() + ENQUEUE_HORIZON_MS + 120_000);
    const ref = await schedule(tenants[0]!, dueAt);
    const deps = { db: world.db, queue: queues.timers, redis: world.redis, handlers, log: silentLogger };

    await dispatchTimers(world.db, queues.timers, [ref]);
    expect(await queues.timers.getJob(timerJobId(ref))).toBeUndefined();
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).toBeNull();
    expect(await sweepTimers({ ...deps, now: () => new Date(Date.now() + 6_000) })).toEqual({
      reEnqueued: 0,
      claimedDirectly: 0,
    });

    // Three minutes later (by the sweep's clock) it is within the horizon: the sweep adds its job and marks it.
    const later = () => new Date(Date.now() + 180_000);
    expect(await sweepTimers({ ...deps, now: later })).toEqual({ reEnqueued: 1, claimedDirectly: 0 });
    expect(await queues.timers.getJobState(timerJobId(ref))).toBe("delayed");
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).not.toBeNull();
    await queues.timers.remove(timerJobId(ref));
  });

  it("clears a creation's premark when its jobs cannot be added, so the sweep adds them", async () => {
    const ref = await schedule(tenants[0]!, new Date(Date.now() + 3 * 60_000));
    await markEnqueued(world.db, [ref], new Date());
    const nowhere = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    nowhere.on("error", () => undefined);
    const unreachable = new Queue(QUEUES.timers, { connection: nowhere, prefix: world.prefix });
    unreachable.on("error", () => undefined);
    try {
      await expect(dispatchTimers(world.db, unreachable, [ref], new Date(), { premarked: true })).rejects.toThrow();
    } finally {
      await unreachable.close().catch(() => undefined);
      nowhere.disconnect();
    }
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).toBeNull();

    const deps = { db: world.db, queue: queues.timers, redis: world.redis, handlers, log: silentLogger };
    expect(await sweepTimers({ ...deps, now: () => new Date(Date.now() + 6_000) })).toEqual({
      reEnqueued: 1,
      claimedDirectly: 0,
    });
    expect(await queues.timers.getJobState(timerJobId(ref))).toBe("delayed");
    await queues.timers.remove(timerJobId(ref));
  });

  it("dispatchTimers neither waits for nor marks a timer row another transaction holds", async () => {
    const ref = await schedule(tenants[0]!, new Date(Date.now() + 3 * 60_000));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = withTenant(world.db, ref.tenantId, async (tx) => {
      await tx.$queryRaw`SELECT id FROM timers WHERE id = ${ref.timerId}::uuid FOR UPDATE`;
      locked();
      await released;
    });
    await isLocked;

    const started = Date.now();
    await dispatchTimers(world.db, queues.timers, [ref]);
    expect(Date.now() - started).toBeLessThan(1_000);
    release();
    await holder;
    expect(await queues.timers.getJobState(timerJobId(ref))).toBe("delayed");
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).toBeNull();
    await queues.timers.remove(timerJobId(ref));
  });
});
