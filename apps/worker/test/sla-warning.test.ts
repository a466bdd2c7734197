import { withTenant } from "@atende/db";
import { clockSubject, liveChannel } from "@atende/desk";
import { fireTimer, hasPendingWakeUp } from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTimerHandlers } from "../src/jobs";
import { closeQueues, createQueues, type Queues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import { clockOf, eventsOf, givenCalendar24x7, givenPolicy, openTicket } from "./sla-fixtures";
import { createTenant, createWorld, silentLogger, waitFor, type World } from "./support";

describe("SLA warnings through the running worker", () => {
  let world: World;
  let producer: Queues;
  let worker: RunningWorker;
  let tenantId: string;

  beforeAll(async () => {
    world = await createWorld();
    producer = createQueues(world.redis, world.prefix);
    tenantId = await createTenant(world.tdb.ownerUrl);
    const calendarId = await givenCalendar24x7(world.db, tenantId);
    await givenPolicy(world.db, tenantId, {
      code: "high-incidents",
      calendarId,
      conditions: { types: ["incident"], priorities: ["high"] },
      targets: { firstResponse: { minutes: 1 } },
    });
    // The real handlers and the real publisher: live notices go out on Redis pub/sub.
    worker = await startWorker({ db: world.db, redis: world.redis, prefix: world.prefix, logger: silentLogger });
  });

  afterAll(async () => {
    await worker?.stop();
    await closeQueues(producer);
    await world?.close();
  });

  it("warns at 75 % of the target, before the breach, and tells live clients", async () => {
    const subscriber = world.redis.duplicate();
    const notices: string[] = [];
    subscriber.on("message", (_channel: string, message: string) => notices.push(message));
    await subscriber.subscribe(liveChannel(world.prefix, tenantId));
    try {
      const createdAt = new Date(Date.now() - 44_500);
      const ticket = await openTicket(world.db, producer.timers, tenantId, { priority: "high", createdAt });
      const warnAt = new Date(createdAt.getTime() + 45_000);

      const clock = await waitFor(
        async () => {
          const found = await clockOf(world.db, tenantId, ticket.id, "first_response");
          return found.warnedAt ? found : undefined;
        },
        5_000,
        "clock warned",
      );
      expect(clock.status).toBe("running");
      expect(clock.breachedAt).toBeNull();
      expect(clock.warnedAt!.getTime()).toBeGreaterThanOrEqual(warnAt.getTime());
      expect(clock.warnedAt!.getTime()).toBeLessThan(clock.dueAt!.getTime());
      const events = (await eventsOf(world.db, tenantId, ticket.id)).filter((e) => e.type.startsWith("sla."));
      expect(events.map((e) => [e.type, e.data])).toEqual([
        ["sla.warning", { clock: "first_response", warnAt: warnAt.toISOString(), dueAt: clock.dueAt!.toISOString() }],
      ]);
      await waitFor(async () => (notices.length > 0 ? true : undefined), 2_000, "live notice");
      expect(JSON.parse(notices[0]!)).toEqual({ type: "ticket.changed", ticketId: ticket.id });
    } finally {
      await subscriber.quit();
    }
  });
  it("re-arms a warning timer that comes before its clock's warn instant, and warns nothing yet", async () => {
    const ticket = await openTicket(world.db, producer.timers, tenantId, { priority: "high", createdAt: new Date() });
    const subject = clockSubject(ticket.id, "first_response");
    const timer = await withTenant(world.db, tenantId, (tx) =>
      tx.timer.findUniqueOrThrow({ where: { tenantId_kind_subject: { tenantId, kind: "sla-warning", subject } } }),
    );
    const handlers = createTimerHandlers({ db: world.db, timersQueue: producer.timers, publish: async () => {} });
    const early = { tenantId, timerId: timer.id, kind: "sla-warning" as const, subject, generation: timer.generation };

    expect(await fireTimer(world.db, handlers, early, new Date())).toBe(true);

    const clock = await clockOf(world.db, tenantId, ticket.id, "first_response");
    const rearmed = await withTenant(world.db, tenantId, (tx) =>
      tx.timer.findUniqueOrThrow({ where: { id: timer.id } }),
    );
    expect(rearmed).toMatchObject({ status: "scheduled", generation: timer.generation + 1, dueAt: clock.warnAt });
    expect(clock.warnedAt).toBeNull();
    const events = await eventsOf(world.db, tenantId, ticket.id);
    expect(events.filter((e) => e.type === "sla.warning")).toEqual([]);
    expect(await hasPendingWakeUp(producer.timers, { tenantId, dueAt: clock.warnAt! })).toBe(true);
  });
});
