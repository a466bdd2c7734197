import { withTenant, writeAsTenant } from "@atende/db";
import {
  cancelTimer,
  claimTimerRaw,
  createDueTimerFirer,
  enqueueTimers,
  fireTimer,
  insertOutboxRaw,
  recordTimerFailure,
  TIMER_JOBS,
  wakeTimeOf,
  type RawTimerHandler,
  type TimerRef,
} from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, createQueues, type Queues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import {
  createTenant,
  createTwoTenantWorld,
  scheduleTestTimer,
  sessionExpiryOnly,
  silentLogger,
  sleep,
  timerRow,
  waitFor,
  type World,
} from "./support";

describe("raw timer handlers (claim and work on one raw tenant transaction)", () => {
  let world: World;
  let tenantId: string;
  let otherTenantId: string;
  let subjects = 0;

  beforeAll(async () => {
    ({ world, tenantId, otherTenantId } = await createTwoTenantWorld());
  });

  afterAll(async () => {
    await world?.close();
  });

  const schedule = (dueAt = new Date()): Promise<TimerRef> =>
    scheduleTestTimer(world, tenantId, `raw-${(subjects += 1)}`, dueAt);

  const outboxRows = (kind: string) =>
    withTenant(world.db, tenantId, (tx) => tx.outbox.findMany({ where: { kind }, orderBy: { createdAt: "asc" } }));

  function outboxHandler(kind: string, after?: () => Promise<void>): { handler: RawTimerHandler; runs: string[] } {
    const runs: string[] = [];
    const handler: RawTimerHandler = {
      raw: true,
      run: async (query, job) => {
        runs.push(job.timerId);
        await insertOutboxRaw(query, { tenantId: job.tenantId, kind, payload: { timerId: job.timerId } });
        await after?.();
      },
    };
    return { handler, runs };
  }

  it("claims only the current generation of the tenant's own scheduled timer", async () => {
    const ref = await schedule();
    const now = new Date("2027-05-01T10:00:00.123Z");
    expect(await writeAsTenant(world.db, otherTenantId, (query) => claimTimerRaw(query, ref, now))).toBe(false);
    expect(
      await writeAsTenant(world.db, tenantId, (query) =>
        claimTimerRaw(query, { ...ref, generation: ref.generation + 1 }, now),
      ),
    ).toBe(false);
    expect(await writeAsTenant(world.db, tenantId, (query) => claimTimerRaw(query, ref, now))).toBe(true);
    expect(await timerRow(world.db, tenantId, ref.timerId)).toMatchObject({ status: "fired", firedAt: now });
    expect(await writeAsTenant(world.db, tenantId, (query) => claimTimerRaw(query, ref, new Date()))).toBe(false);
  });

  it("commits the outbox row with the claim, and rolls both back when the handler throws", async () => {
    const ref = await schedule();
    const failing = outboxHandler("raw-failing", () => Promise.reject(new Error("handler failed after its insert")));
    await expect(fireTimer(world.db, sessionExpiryOnly(failing.handler), ref, new Date())).rejects.toThrow(
      "handler failed",
    );
    expect(failing.runs).toEqual([ref.timerId]);
    expect(await outboxRows("raw-failing")).toEqual([]);
    expect(await timerRow(world.db, tenantId, ref.timerId)).toMatchObject({ status: "scheduled", firedAt: null });

    const before = Date.now();
    const writing = outboxHandler("raw-writing");
    const now = new Date();
    expect(await fireTimer(world.db, sessionExpiryOnly(writing.handler), ref, now)).toBe(true);
    expect(await fireTimer(world.db, sessionExpiryOnly(writing.handler), ref, new Date())).toBe(false);
    expect(writing.runs).toEqual([ref.timerId]);
    const rows = await outboxRows("raw-writing");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tenantId,
      status: "pending",
      attempts: 0,
      sentAt: null,
      payload: { timerId: ref.timerId },
    });
    expect(rows[0]!.availableAt).toEqual(rows[0]!.createdAt);
    expect(rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(await timerRow(world.db, tenantId, ref.timerId)).toMatchObject({ status: "fired", firedAt: now });
  });

  it("runs once however many fires race for the same timer", async () => {
    const ref = await schedule();
    const racing = outboxHandler("raw-racing", () => sleep(20));
    const results = await Promise.all(
      Array.from({ length: 8 }, () => fireTimer(world.db, sessionExpiryOnly(racing.handler), ref, new Date())),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(racing.runs).toEqual([ref.timerId]);
    expect(await outboxRows("raw-racing")).toHaveLength(1);
  });

  describe("createDueTimerFirer", () => {
    const scheduleFor = (tenant: string, dueAt: Date): Promise<TimerRef> =>
      scheduleTestTimer(world, tenant, `due-${(subjects += 1)}`, dueAt);

    it("fires the tenant's due timers in batches, oldest first, and nothing early, cancelled or of another tenant", async () => {
      const tenant = await createTenant(world.tdb.ownerUrl);
      const base = Date.now();
      const due = await Promise.all([5, 1, 4, 2, 3].map((s) => scheduleFor(tenant, new Date(base - s * 1_000))));
      const early = await scheduleFor(tenant, new Date(base + 1_000));
      const cancelled = await scheduleFor(tenant, new Date(base - 10_000));
      await withTenant(world.db, tenant, (tx) => cancelTimer(tx, tenant, "session-expiry", cancelled.subject));
      const elsewhere = await scheduleFor(otherTenantId, new Date(base - 10_000));
      const transactions = new Set<unknown>();
      const runs: string[] = [];
      const handler: RawTimerHandler = {
        raw: true,
        run: async (query, job) => {
          transactions.add(query);
          runs.push(job.timerId);
          await insertOutboxRaw(query, { tenantId: job.tenantId, kind: "due-batch", payload: {} });
        },
      };
      const now = new Date(base);
      const fire = createDueTimerFirer(world.db, sessionExpiryOnly(handler), () => now, { maxBatch: 2 });

      expect(await fire(tenant, now)).toBe(5);
      const oldestFirst = [...due].sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime());
      expect(runs).toEqual(oldestFirst.map((ref) => ref.timerId));
      expect(transactions.size).toBe(3);
      for (const ref of due) expect(await timerRow(world.db, tenant, ref.timerId)).toMatchObject({ status: "fired" });
      expect((await timerRow(world.db, tenant, early.timerId)).status).toBe("scheduled");
      expect((await timerRow(world.db, tenant, cancelled.timerId)).status).toBe("cancelled");
      expect((await timerRow(world.db, otherTenantId, elsewhere.timerId)).status).toBe("scheduled");
      expect(await fire(tenant, now)).toBe(0);
    });

    it("shares the due timers between concurrent calls, firing each once", async () => {
      const tenant = await createTenant(world.tdb.ownerUrl);
      const refs = await Promise.all(
        Array.from({ length: 30 }, () => scheduleFor(tenant, new Date(Date.now() - 1_000))),
      );
      const runs: string[] = [];
      const handler: RawTimerHandler = {
        raw: true,
        run: async (_query, job) => {
          runs.push(job.timerId);
          await sleep(2);
        },
      };
      const fire = createDueTimerFirer(world.db, sessionExpiryOnly(handler), () => new Date(), { maxBatch: 4 });
      const counts = await Promise.all(Array.from({ length: 5 }, () => fire(tenant, new Date())));
      expect(counts.every((count) => count <= 30)).toBe(true);
      expect(new Set(runs).size).toBe(runs.length);
      expect(runs.sort()).toEqual(refs.map((ref) => ref.timerId).sort());
    });

    it("lets calls for a tenant whose drain still waits for a slot join it, up to the latest due bound", async () => {
      const [busy, joined] = [await createTenant(world.tdb.ownerUrl), await createTenant(world.tdb.ownerUrl)];
      const base = Date.now();
      await scheduleFor(busy, new Date(base - 1_000));
      const early = await scheduleFor(joined, new Date(base - 1_000));
      const late = await scheduleFor(joined, new Date(base + 5_000));
      const transactions = new Map<string, Set<unknown>>();
      const handler: RawTimerHandler = {
        raw: true,
        run: async (query, job) => {
          const seen = transactions.get(job.tenantId) ?? new Set<unknown>();
          transactions.set(job.tenantId, seen.add(query));
          if (job.tenantId === busy) await sleep(100);
        },
      };
      const fire = createDueTimerFirer(world.db, sessionExpiryOnly(handler), () => new Date(base + 6_000), {
        maxInFlight: 1,
      });
      const holding = fire(busy, new Date(base));
      const calls = [
        fire(joined, new Date(base)),
        fire(joined, new Date(base + 1_000)),
        fire(joined, new Date(base + 6_000)),
      ];
      expect(await Promise.all(calls)).toEqual([2, 2, 2]);
      expect(await holding).toBe(1);
      // One drain, one transaction, for the three calls, with the bound of the last one.
      expect(transactions.get(joined)?.size).toBe(1);
      for (const ref of [early, late]) expect((await timerRow(world.db, joined, ref.timerId)).status).toBe("fired");
    });

    it("fires the others of a batch alone when one handler throws, and retries that one with growing backoff", async () => {
      const tenant = await createTenant(world.tdb.ownerUrl);
      const refs = await Promise.all([4, 3, 2, 1].map((s) => scheduleFor(tenant, new Date(Date.now() - s * 1_000))));
      const failOn = refs[1]!;
      const runs: string[] = [];
      const handler: RawTimerHandler = {
        raw: true,
        run: async (query, job) => {
          runs.push(job.timerId);
          await insertOutboxRaw(query, { tenantId: job.tenantId, kind: "due-failing", payload: { id: job.timerId } });
          if (job.timerId === failOn.timerId) throw new Error("this one fails");
        },
      };
      let now = new Date();
      const retries: TimerRef[] = [];
      const fire = createDueTimerFirer(world.db, sessionExpiryOnly(handler), () => now, {
        dispatch: async (refs) => void retries.push(...refs),
      });

      expect(await fire(tenant, now)).toBe(3);
      const rows = await withTenant(world.db, tenant, (tx) => tx.outbox.findMany({ where: { kind: "due-failing" } }));
      expect(rows.map((row) => (row.payload as { id: string }).id).sort()).toEqual(
        refs
          .filter((ref) => ref !== failOn)
          .map((ref) => ref.timerId)
          .sort(),
      );
      // The batch ran the first two handlers and rolled back; then each of the four ran alone.
      expect(runs.slice(0, 2)).toEqual([refs[0]!.timerId, failOn.timerId]);
      expect(runs.slice(2).sort()).toEqual(refs.map((ref) => ref.timerId).sort());
      // A copy listed before the failure (the old generation) cannot claim it ahead of its backoff.
      expect(await fireTimer(world.db, sessionExpiryOnly(handler), failOn, now)).toBe(false);

      const delays: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const row = await timerRow(world.db, tenant, failOn.timerId);
        expect(row).toMatchObject({ status: "scheduled", attempts: attempt, enqueuedAt: null });
        expect(row.generation).toBe(failOn.generation + attempt);
        expect(retries.at(-1)).toMatchObject({ timerId: failOn.timerId, generation: row.generation, dueAt: row.dueAt });
        delays.push(row.dueAt.getTime() - now.getTime());
        // Not due again before its backoff has passed; then it runs (and fails) again.
        expect(await fire(tenant, new Date(row.dueAt.getTime() - 1))).toBe(0);
        now = row.dueAt;
        expect(await fire(tenant, now)).toBe(0);
      }
      expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
      // Each time: once in its batch, once alone.
      expect(runs.filter((id) => id === failOn.timerId)).toHaveLength(2 + 5 * 2);
    });

    it("retries a failing Prisma handler the same way, and leaves a timer rescheduled meanwhile alone", async () => {
      const tenant = await createTenant(world.tdb.ownerUrl);
      const ref = await scheduleFor(tenant, new Date(Date.now() - 1_000));
      const now = new Date();
      const fire = createDueTimerFirer(
        world.db,
        sessionExpiryOnly(async () => {
          throw new Error("prisma handler fails");
        }),
        () => now,
      );
      expect(await fire(tenant, now)).toBe(0);
      const row = await timerRow(world.db, tenant, ref.timerId);
      expect(row).toMatchObject({ status: "scheduled", attempts: 1, generation: ref.generation + 1 });
      expect(row.dueAt.getTime() - now.getTime()).toBe(1_000);

      // Rescheduled by the application: a fresh schedule, attempts back to 0; a failure recorded for the old
      // generation changes nothing.
      const rescheduled = await scheduleTestTimer(world, tenant, ref.subject, new Date(now.getTime() + 60_000));
      expect(await recordTimerFailure(world.db, { ...ref, generation: row.generation }, now)).toBeNull();
      expect(await timerRow(world.db, tenant, ref.timerId)).toMatchObject({
        attempts: 0,
        generation: rescheduled.generation,
        dueAt: rescheduled.dueAt,
      });
    });

    it("runs Prisma handlers a few at a time", async () => {
      const tenant = await createTenant(world.tdb.ownerUrl);
      await Promise.all(Array.from({ length: 9 }, () => scheduleFor(tenant, new Date(Date.now() - 1_000))));
      let running = 0;
      let most = 0;
      const handlers = sessionExpiryOnly(async () => {
        running += 1;
        most = Math.max(most, running);
        await sleep(30);
        running -= 1;
      });
      const fire = createDueTimerFirer(world.db, handlers, () => new Date(), { maxPrisma: 2 });
      expect(await fire(tenant, new Date())).toBe(9);
      expect(most).toBe(2);
    });
  });

  describe("under a running worker", () => {
    let worker: RunningWorker | undefined;
    let queues: Queues;

    afterAll(async () => {
      await worker?.stop();
      await closeQueues(queues);
    });

    it("fires each timer once when wake-ups are delivered several times and the sweep claims too", async () => {
      queues = createQueues(world.redis, world.prefix);
      const tenant = await createTenant(world.tdb.ownerUrl);
      const { handler, runs } = outboxHandler("raw-worker");
      worker = await startWorker({
        db: world.db,
        redis: world.redis,
        prefix: world.prefix,
        logger: silentLogger,
        handlers: sessionExpiryOnly(handler),
        sweepEveryMs: 300,
        sweep: { claimAfterMs: 0 },
      });
      const refs = await Promise.all(
        [1, 2, 3].map(() => scheduleTestTimer(world, tenant, `w-${(subjects += 1)}`, new Date(Date.now() + 300))),
      );
      const ids = new Set(refs.map((ref) => ref.timerId));
      const ownRows = async () =>
        (await withTenant(world.db, tenant, (tx) => tx.outbox.findMany({ where: { kind: "raw-worker" } }))).map(
          (row) => (row.payload as { timerId: string }).timerId,
        );
      // The shared wake-up plus copies under other ids, as after a crash between commit and acknowledgement.
      await enqueueTimers(queues.timers, refs);
      for (const ref of refs) {
        for (const copy of [1, 2]) {
          await queues.timers.add(
            TIMER_JOBS.wake,
            { tenantId: tenant, wakeAt: wakeTimeOf(ref.dueAt) },
            { jobId: `wake-copy-${ref.timerId}-${copy}`, delay: 300, removeOnComplete: true },
          );
        }
      }
      await waitFor(
        async () => ((await ownRows()).length >= refs.length ? true : undefined),
        10_000,
        "every timer's outbox row",
      );
      await waitFor(
        async () => {
          const counts = await queues.timers.getJobCounts("delayed", "waiting", "active");
          return Object.values(counts).every((n) => n === 0) ? true : undefined;
        },
        10_000,
        "every wake-up processed",
      );
      // A few more sweep passes (every 300 ms, claiming whatever is overdue) get their chance to fire one twice.
      await sleep(700);
      expect(runs.filter((id) => ids.has(id)).sort()).toEqual([...ids].sort());
      expect((await ownRows()).sort()).toEqual([...ids].sort());
      for (const ref of refs) expect((await timerRow(world.db, tenant, ref.timerId)).status).toBe("fired");
    });
  });
});
