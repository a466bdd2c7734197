import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, createQueues, type Queues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import {
  clockOf,
  eventsOf,
  givenCalendar24x7,
  givenGroup,
  givenPolicy,
  openTicket,
  recordingSlaHandlers,
  ticketOf,
} from "./sla-fixtures";
import { createTenant, createWorld, deleteKeys, silentLogger, sleep, waitFor, type World } from "./support";

describe("SLA timers survive the loss of Redis data", () => {
  let world: World;
  let producer: Queues;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    world = await createWorld();
    producer = createQueues(world.redis, world.prefix);
  });

  afterAll(async () => {
    await worker?.stop();
    await closeQueues(producer);
    await world?.close();
  });

  it("Redis flushed mid-way still breaches on time via the sweep", async () => {
    const tenantId = await createTenant(world.tdb.ownerUrl);
    const team = await givenGroup(world.db, tenantId, "SUPPORT");
    const calendarId = await givenCalendar24x7(world.db, tenantId);
    await givenPolicy(world.db, tenantId, {
      code: "high-incidents",
      calendarId,
      conditions: { types: ["incident"], priorities: ["high"] },
      targets: { firstResponse: { minutes: 1 } },
      escalation: [
        {
          level: 1,
          label: "CS manager",
          offsetMinutes: 0,
          from: "breach",
          targetGroupId: team.groupId,
          actions: ["notify"],
        },
      ],
    });
    const createdAt = new Date(Date.now() - 58_000);
    const dueAt = new Date(createdAt.getTime() + 60_000);
    const ticket = await openTicket(world.db, producer.timers, tenantId, {
      priority: "high",
      createdAt,
      groupId: team.groupId,
    });
    expect(await deleteKeys(world.redis, world.prefix)).toBeGreaterThan(0);
    expect(await world.redis.keys(`${world.prefix}:*`)).toEqual([]);

    const recorded = recordingSlaHandlers(world.db, producer.timers);
    worker = await startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      handlers: recorded.handlers,
      sweepEveryMs: 500,
      sweep: { claimAfterMs: 300 },
    });

    const clock = await waitFor(
      async () => {
        const found = await clockOf(world.db, tenantId, ticket.id, "first_response");
        return found.status === "breached" ? found : undefined;
      },
      dueAt.getTime() - Date.now() + 3_000,
      "first response breached",
    );
    expect(clock.breachedAt!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(clock.breachedAt!.getTime()).toBeLessThan(dueAt.getTime() + 3_000);

    await waitFor(
      async () => ((await ticketOf(world.db, tenantId, ticket.id)).escalationLevel === 1 ? true : undefined),
      3_000,
      "escalated",
    );
    await sleep(1_500);
    const runs = recorded.runs.filter((r) => r.subject.startsWith(ticket.id)).map((r) => r.kind);
    expect(runs.sort()).toEqual(["sla-breach", "sla-escalation", "sla-warning"]);
    const types = (await eventsOf(world.db, tenantId, ticket.id)).map((e) => e.type);
    expect(types.filter((t) => t === "sla.breached")).toHaveLength(1);
    expect(types.filter((t) => t === "sla.escalated")).toHaveLength(1);
  });
});
