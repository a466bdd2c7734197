import { withTenant, writeAsTenant } from "@atende/db";
import {
  claimTimerRaw,
  createTimerFirer,
  fireRawTimers,
  fireTimer,
  insertOutboxRaw,
  timerJobId,
  type RawTimerHandler,
  type TimerRef,
} from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, createQueues, type Queues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import {
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

  it("fires a batch of one tenant's timers in one transaction, each claimed once", async () => {
    const [a, b, stale] = await Promise.all([schedule(), schedule(), schedule()]);
    const batch = outboxHandler("raw-batch");
    const fired = await fireRawTimers(
      world.db,
      sessionExpiryOnly(batch.handler),
      tenantId,
      [a!, b!, a!, { ...stale!, generation: stale!.generation + 1 }],
      new Date(),
    );
    expect(fired).toEqual([true, true, false, false]);
    expect(batch.runs).toEqual([a!.timerId, b!.timerId]);
    expect(await outboxRows("raw-batch")).toHaveLength(2);
    expect((await timerRow(world.db, tenantId, stale!.timerId)).status).toBe("scheduled");
  });

  it("rolls back every claim and row of a batch when one handler throws", async () => {
    const refs = await Promise.all([schedule(), schedule(), schedule()]);
    const failOn = refs[1]!.timerId;
    const runs: string[] = [];
    const handler: RawTimerHandler = {
      raw: true,
      run: async (query, job) => {
        runs.push(job.timerId);
        await insertOutboxRaw(query, { tenantId: job.tenantId, kind: "raw-batch-failing", payload: {} });
        if (job.timerId === failOn) throw new Error("second handler failed");
      },
    };
    await expect(fireRawTimers(world.db, sessionExpiryOnly(handler), tenantId, refs, new Date())).rejects.toThrow(
      "second handler failed",
    );
    expect(runs).toEqual([refs[0]!.timerId, failOn]);
    expect(await outboxRows("raw-batch-failing")).toEqual([]);
    for (const ref of refs) expect((await timerRow(world.db, tenantId, ref.timerId)).status).toBe("scheduled");
  });

  it("shares transactions between timers submitted together, and fails only the job whose handler throws", async () => {
    const refs = await Promise.all(Array.from({ length: 20 }, () => schedule()));
    const failOn = refs[7]!.timerId;
    const transactions = new Set<unknown>();
    const runs: string[] = [];
    const handler: RawTimerHandler = {
      raw: true,
      run: async (query, job) => {
        transactions.add(query);
        runs.push(job.timerId);
        await insertOutboxRaw(query, { tenantId: job.tenantId, kind: "raw-firer", payload: { timerId: job.timerId } });
        if (job.timerId === failOn) throw new Error("this one fails");
      },
    };
    const fire = createTimerFirer(world.db, sessionExpiryOnly(handler), () => new Date(), { maxInFlight: 1 });
    const results = await Promise.allSettled([...refs, refs[3]!].map((ref) => fire(ref)));
    expect(results[7]).toMatchObject({ status: "rejected", reason: { message: "this one fails" } });
    const values = results.map((r) => (r.status === "fulfilled" ? r.value : "failed"));
    expect(values.filter((v) => v === true)).toHaveLength(19);
    expect([values[3], values[20]].filter((v) => v === true)).toHaveLength(1);
    const rows = await outboxRows("raw-firer");
    expect(rows.map((row) => (row.payload as { timerId: string }).timerId).sort()).toEqual(
      refs
        .map((ref) => ref.timerId)
        .filter((id) => id !== failOn)
        .sort(),
    );
    expect((await timerRow(world.db, tenantId, failOn)).status).toBe("scheduled");
    // The first batch (every timer submitted in the same turn) failed and was retried one timer per transaction.
    expect(transactions.size).toBe(1 + 20);
  });

  it("runs Prisma handlers a few at a time, however many jobs the worker takes at once", async () => {
    const refs = await Promise.all(Array.from({ length: 9 }, () => schedule()));
    let running = 0;
    let most = 0;
    const handlers = sessionExpiryOnly(async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(30);
      running -= 1;
    });
    const fire = createTimerFirer(world.db, handlers, () => new Date(), { maxPrisma: 2 });
    const results = await Promise.all(refs.map((ref) => fire(ref)));
    expect(results.every((fired) => fired)).toBe(true);
    expect(most).toBe(2);
  });

  describe("under a running worker", () => {
    let worker: RunningWorker | undefined;
    let queues: Queues;

    afterAll(async () => {
      await worker?.stop();
      await closeQueues(queues);
    });

    it("fires a timer once when its job is delivered several times and the sweep claims it too", async () => {
      queues = createQueues(world.redis, world.prefix);
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
      const refs = await Promise.all([1, 2, 3].map(() => schedule(new Date(Date.now() + 300))));
      const ids = new Set(refs.map((ref) => ref.timerId));
      // Earlier tests left timers scheduled, which this worker's sweep fires too; only this test's count here.
      const ownRows = async () =>
        (await outboxRows("raw-worker"))
          .map((row) => (row.payload as { timerId: string }).timerId)
          .filter((id) => ids.has(id));
      const data = (ref: TimerRef) => ({
        tenantId: ref.tenantId,
        timerId: ref.timerId,
        kind: ref.kind,
        subject: ref.subject,
        generation: ref.generation,
      });
      // The deterministic id plus copies under other ids, as after a crash between commit and acknowledgement.
      for (const ref of refs) {
        for (const jobId of [timerJobId(ref), `${timerJobId(ref)}-copy1`, `${timerJobId(ref)}-copy2`]) {
          await queues.timers.add(ref.kind, data(ref), { jobId, delay: 300, removeOnComplete: true });
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
        "every copy of the jobs processed",
      );
      // A few more sweep passes (every 300 ms, claiming whatever is overdue) get their chance to fire one twice.
      await sleep(700);
      expect(runs.filter((id) => ids.has(id)).sort()).toEqual([...ids].sort());
      expect((await ownRows()).sort()).toEqual([...ids].sort());
      for (const ref of refs) expect((await timerRow(world.db, tenantId, ref.timerId)).status).toBe("fired");
    });
  });
});
