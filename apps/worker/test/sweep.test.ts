import { withTenant } from "@atende/db";
import {
  createDueTimerFirer,
  dispatchTimers,
  ENQUEUE_HORIZON_MS,
  hasPendingWakeUp,
  markEnqueued,
  QUEUES,
  scheduleTimer,
  sweepTimers,
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
  let upcoming: TimerRef | undefined;
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

  it("adds a wake-up for a timer that was committed but never enqueued", async () => {
    // Within the horizon, and still not due when a later test sweeps a minute ahead.
    const ref = await schedule(tenants[0]!, new Date(Date.now() + 4 * 60_000));
    upcoming = ref;
    const deps = { db: world.db, queue: queues.timers, handlers, log: silentLogger };

    const tooSoon = await sweepTimers({ ...deps, now: () => new Date() });
    expect(tooSoon).toEqual({ enqueued: 0, firedDirectly: 0, rewoken: 0 });

    const later = () => new Date(Date.now() + 6_000);
    expect(await sweepTimers({ ...deps, now: later })).toEqual({ enqueued: 1, firedDirectly: 0, rewoken: 0 });
    expect(await hasPendingWakeUp(queues.timers, ref)).toBe(true);
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).not.toBeNull();

    expect(await sweepTimers({ ...deps, now: later })).toEqual({ enqueued: 0, firedDirectly: 0, rewoken: 0 });
    await queues.timers.drain(true);
  });

  it("fires every tenant's timers overdue past claimAfterMs itself, oldest first, each exactly once, then re-adds the wake-ups to come", async () => {
    const base = Date.now();
    const refs = [
      ...(await Promise.all([7, 6, 5].map((s) => schedule(tenants[0]!, new Date(base - s * 1_000))))),
      ...(await Promise.all([9, 8].map((s) => schedule(tenants[1]!, new Date(base - s * 1_000))))),
    ];
    // Overdue, but by less than claimAfterMs: its wake-up is presumably on its way.
    const young = await schedule(tenants[0]!, new Date(base - 500));
    const now = () => new Date(base);
    const fire = createDueTimerFirer(world.db, handlers, now, { maxBatch: 2 });
    const common = { db: world.db, queue: queues.timers, handlers, log: silentLogger };
    const deps = { ...common, now, fire };

    expect(await hasPendingWakeUp(queues.timers, upcoming!)).toBe(false);
    // Tenant 0 still has the first test's timer ahead, enqueued: having had to fire overdue ones, the sweep takes its
    // wake-up for lost too and adds it again (tenant 1 has nothing ahead).
    expect(await sweepTimers(deps, { claimAfterMs: 2_000 })).toEqual({ enqueued: 0, firedDirectly: 5, rewoken: 1 });
    expect(await hasPendingWakeUp(queues.timers, upcoming!)).toBe(true);
    // These handlers are Prisma ones, fired a few at a time, so in no set order (raw-timer.test.ts checks the due order
    // of raw batches).
    expect([...fired].sort()).toEqual(refs.map((ref) => ref.timerId).sort());
    expect(await sweepTimers(deps, { claimAfterMs: 2_000 })).toEqual({ enqueued: 0, firedDirectly: 0, rewoken: 0 });
    expect(fired).toHaveLength(5);
    expect((await timerRow(world.db, young.tenantId, young.timerId)).status).toBe("scheduled");
    for (const ref of refs)
      expect(await timerRow(world.db, ref.tenantId, ref.timerId)).toMatchObject({ status: "fired", firedAt: now() });

    // Past claimAfterMs for the young one too: fired by the next sweep, which finds the wake-up ahead still queued (as
    // when the worker is merely behind) and adds nothing.
    const later = () => new Date(base + 2_000);
    expect(await sweepTimers({ ...common, now: later }, { claimAfterMs: 2_000 })).toEqual({
      enqueued: 0,
      firedDirectly: 1,
      rewoken: 0,
    });
    expect(fired).toHaveLength(6);
    await queues.timers.drain(true);
  });

  it("leaves a timer due beyond the enqueue horizon in the database until a sweep finds it within", async () => {
    const dueAt = new Date(Date.now() + ENQUEUE_HORIZON_MS + 120_000);
    const ref = await schedule(tenants[0]!, dueAt);
    const deps = { db: world.db, queue: queues.timers, handlers, log: silentLogger };

    await dispatchTimers(world.db, queues.timers, [ref]);
    expect(await hasPendingWakeUp(queues.timers, ref)).toBe(false);
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).toBeNull();
    expect(await sweepTimers({ ...deps, now: () => new Date(Date.now() + 6_000) })).toEqual({
      enqueued: 0,
      firedDirectly: 0,
      rewoken: 0,
    });

    // Three minutes later (by the sweep's clock) it is within the horizon: the sweep adds its wake-up and marks it.
    const later = () => new Date(Date.now() + 180_000);
    expect(await sweepTimers({ ...deps, now: later })).toEqual({ enqueued: 1, firedDirectly: 0, rewoken: 0 });
    expect(await hasPendingWakeUp(queues.timers, ref)).toBe(true);
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).not.toBeNull();
    await queues.timers.drain(true);
  });

  it("clears a creation's premark when its wake-ups cannot be added, so the sweep adds them", async () => {
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

    const deps = { db: world.db, queue: queues.timers, handlers, log: silentLogger };
    expect(await sweepTimers({ ...deps, now: () => new Date(Date.now() + 6_000) })).toEqual({
      enqueued: 1,
      firedDirectly: 0,
      rewoken: 0,
    });
    expect(await hasPendingWakeUp(queues.timers, ref)).toBe(true);
    await queues.timers.drain(true);
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
    expect(await hasPendingWakeUp(queues.timers, ref)).toBe(true);
    expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).toBeNull();
    await queues.timers.drain(true);
  });
});
