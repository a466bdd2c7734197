import { withTenant } from "@atende/db";
import { replanSla } from "@atende/desk";
import type { TimerHandlers } from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, createQueues, type Queues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import {
  clockOf,
  eventsOf,
  givenCalendar24x7,
  givenPolicy,
  openTicket,
  recordingSlaHandlers,
  timersOf,
} from "./sla-fixtures";
import { createTenant, createWorld, silentLogger, sleep, type World } from "./support";

describe("a timer firing while the API changes the same ticket", () => {
  let world: World;
  let producer: Queues;
  let worker: RunningWorker;
  let tenantId: string;
  let claimed: () => void = () => undefined;
  const breachClaimed = new Promise<void>((resolve) => (claimed = resolve));
  const handlerErrors: unknown[] = [];

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
    const real = recordingSlaHandlers(world.db, producer.timers).handlers;
    const breach = real["sla-breach"];
    if (typeof breach !== "function") throw new Error("the test expects the ORM breach handler");
    const handlers: TimerHandlers = {
      ...real,
      // Not under test here, and its own turn on the ticket lock would make the interleaving depend on timing.
      "sla-warning": async () => undefined,
      "sla-breach": async (tx, job, now, afterCommit) => {
        claimed();
        await breach(tx, job, now, afterCommit).catch((error: unknown) => {
          handlerErrors.push(error);
          throw error;
        });
      },
    };
    worker = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      handlers,
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await closeQueues(producer);
    await world?.close();
  });

  it("lets the API's change win instead of deadlocking, and the stale breach never lands", async () => {
    const ticket = await openTicket(world.db, producer.timers, tenantId, {
      priority: "high",
      createdAt: new Date(Date.now() - 57_000),
    });

    // An agent's first reply: its transaction holds the ticket while the breach timer is claimed, then replans,
    // which cancels that very timer.
    await withTenant(world.db, tenantId, async (tx) => {
      await tx.ticket.update({ where: { id: ticket.id }, data: { firstResponseAt: new Date() } });
      await breachClaimed;
      await sleep(300);
      await replanSla(tx, tenantId, ticket.id, new Date());
    });

    expect(handlerErrors).toHaveLength(1);
    expect(String(handlerErrors[0])).toMatch(/lock timeout|55P03/i);
    await sleep(2_000);
    expect((await clockOf(world.db, tenantId, ticket.id, "first_response")).status).toBe("met");
    const breach = (await timersOf(world.db, tenantId, ticket.id)).find((t) => t.kind === "sla-breach")!;
    expect(breach.status).toBe("cancelled");
    expect((await eventsOf(world.db, tenantId, ticket.id)).map((e) => e.type)).not.toContain("sla.breached");
  });
});
