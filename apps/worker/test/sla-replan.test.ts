import { withTenant } from "@atende/db";
import { REPLAN_PAGE_SIZE, requestSlaReplan } from "@atende/desk";
import { dispatchTimers } from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, createQueues, type Queues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import { clockOf, givenCalendar24x7, givenPolicy, openTicket } from "./sla-fixtures";
import { createTenant, createWorld, silentLogger, waitFor, type World } from "./support";

describe("recomputing open tickets after an SLA configuration change", () => {
  let world: World;
  let producer: Queues;
  let worker: RunningWorker;
  let tenantId: string;
  let policyId: string;

  beforeAll(async () => {
    world = await createWorld();
    producer = createQueues(world.redis, world.prefix);
    tenantId = await createTenant(world.tdb.ownerUrl);
    const calendarId = await givenCalendar24x7(world.db, tenantId);
    policyId = await givenPolicy(world.db, tenantId, {
      code: "medium",
      calendarId,
      conditions: { priorities: ["medium"] },
      targets: { resolution: { minutes: 600 } },
    });
    worker = await startWorker({ db: world.db, redis: world.redis, prefix: world.prefix, logger: silentLogger });
  });

  afterAll(async () => {
    await worker?.stop();
    await closeQueues(producer);
    await world?.close();
  });

  it("moves the clocks of every open ticket, page by page, when the policy's target changes", async () => {
    const createdAt = new Date();
    const count = REPLAN_PAGE_SIZE + 5;
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push((await openTicket(world.db, producer.timers, tenantId, { priority: "medium", createdAt })).id);
    const before = await clockOf(world.db, tenantId, ids[0]!, "resolution");
    expect(before!.dueAt!.getTime() - createdAt.getTime()).toBe(600 * 60_000);

    const ref = await withTenant(world.db, tenantId, async (tx) => {
      await tx.slaPolicy.update({ where: { id: policyId }, data: { targets: { resolution: { minutes: 120 } } } });
      return requestSlaReplan(tx, tenantId, new Date());
    });
    await dispatchTimers(world.db, producer.timers, [ref]);

    const expected = createdAt.getTime() + 120 * 60_000;
    for (const id of [ids[0]!, ids[count - 1]!]) {
      await waitFor(
        async () =>
          (await clockOf(world.db, tenantId, id, "resolution"))?.dueAt?.getTime() === expected ? true : undefined,
        15_000,
        `ticket ${id} replanned`,
      );
    }
    const breachTimer = await withTenant(world.db, tenantId, (tx) =>
      tx.timer.findFirstOrThrow({ where: { kind: "sla-breach", subject: `${ids[count - 1]}_resolution` } }),
    );
    expect(breachTimer.dueAt.getTime()).toBe(expected);
  }, 60_000);
});
