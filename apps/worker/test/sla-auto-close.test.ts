import { withTenant } from "@atende/db";
import { DEFAULT_DESK_SETTINGS } from "@atende/desk";
import { cancelTimer, dispatchTimers, pendingWakeUps, scheduleTimer, type TimerRef } from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, createQueues, type Queues } from "../src/queues";
import { startWorker, type RunningWorker } from "../src/worker";
import { eventsOf, openTicket, recordingSlaHandlers, ticketOf } from "./sla-fixtures";
import { createTenant, createWorld, silentLogger, waitFor, type World } from "./support";

const DAY_MS = 86_400_000;
const AUTO_CLOSE_DAYS = DEFAULT_DESK_SETTINGS.autoCloseDays;

describe("automatic closing of resolved tickets", () => {
  let world: World;
  let producer: Queues;
  let worker: RunningWorker;
  let tenantId: string;
  let recorded: ReturnType<typeof recordingSlaHandlers>;

  beforeAll(async () => {
    world = await createWorld();
    producer = createQueues(world.redis, world.prefix);
    tenantId = await createTenant(world.tdb.ownerUrl);
    recorded = recordingSlaHandlers(world.db, producer.timers);
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
    await closeQueues(producer);
    await world?.close();
  });

  /**
   * A ticket resolved so long ago that its auto-close timer, `delayDays` after the resolution, is due in `inMs`; the
   * timer is not enqueued yet.
   */
  async function resolvedTicket(
    inMs: number,
    { delayDays = AUTO_CLOSE_DAYS, buId = null }: { delayDays?: number; buId?: string | null } = {},
  ): Promise<{ id: string; dueAt: Date; ref: TimerRef }> {
    const resolvedAt = new Date(Date.now() - delayDays * DAY_MS + inMs);
    const dueAt = new Date(resolvedAt.getTime() + delayDays * DAY_MS);
    const { id } = await openTicket(world.db, producer.timers, tenantId, {
      priority: "low",
      createdAt: new Date(resolvedAt.getTime() - DAY_MS),
    });
    const ref = await withTenant(world.db, tenantId, async (tx) => {
      await tx.ticket.update({
        where: { id },
        data: { status: "resolved", resolvedAt, resolutionKind: "definitive", resolutionNote: "Fixed", buId },
      });
      return scheduleTimer(tx, { tenantId, kind: "ticket-auto-close", subject: id, dueAt });
    });
    return { id, dueAt, ref };
  }

  it("closes a resolved ticket once its auto-close timer is due", async () => {
    const { id, dueAt, ref } = await resolvedTicket(500);
    await dispatchTimers(world.db, producer.timers, [ref]);

    const closed = await waitFor(
      async () => {
        const row = await ticketOf(world.db, tenantId, id);
        return row.status === "closed" ? row : undefined;
      },
      5_000,
      "ticket closed",
    );
    expect(closed.closedAt!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(closed.version).toBe(2);
    const events = (await eventsOf(world.db, tenantId, id)).filter((e) => e.type === "ticket.auto_closed");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorLabel: "system",
      actorUserId: null,
      data: { from: "resolved", to: "closed" },
    });
    expect(recorded.live).toContainEqual({ type: "ticket.changed", ticketId: id });
  });

  it("closes a ticket of a BU with a shorter auto-close delay once that delay is due", async () => {
    const buId = await withTenant(world.db, tenantId, async (tx) => {
      const bu = await tx.businessUnit.create({
        data: {
          tenantId,
          code: "FAST",
          name: "Fast",
          timezone: "Europe/Madrid",
          locale: "es",
          currency: "EUR",
          country: "ES",
        },
      });
      await tx.buParameterSet.create({
        data: { tenantId, buId: bu.id, version: 1, parameters: { ticketAutoCloseDays: 2 } },
      });
      return bu.id;
    });
    // Two days after its resolution: the default delay would only re-arm the timer.
    const { id, ref } = await resolvedTicket(500, { delayDays: 2, buId });
    await dispatchTimers(world.db, producer.timers, [ref]);

    const closed = await waitFor(
      async () => {
        const row = await ticketOf(world.db, tenantId, id);
        return row.status === "closed" ? row : undefined;
      },
      5_000,
      "ticket closed",
    );
    expect(closed.version).toBe(2);
  });

  it("leaves a reopened ticket open, whether its timer was cancelled or not", async () => {
    const cancelled = await resolvedTicket(500);
    const stillArmed = await resolvedTicket(500);
    await withTenant(world.db, tenantId, async (tx) => {
      for (const ticket of [cancelled, stillArmed]) {
        await tx.ticket.update({
          where: { id: ticket.id },
          data: {
            status: "open",
            resolvedAt: null,
            resolutionKind: null,
            resolutionNote: null,
            version: { increment: 1 },
          },
        });
      }
      // What the API's reopen does; the second ticket's timer is left armed as if that step had been lost.
      await cancelTimer(tx, tenantId, "ticket-auto-close", cancelled.id);
    });
    // Enqueued only now, both timers are as if they had been waiting in the queue all along: deterministic however slow.
    await dispatchTimers(world.db, producer.timers, [cancelled.ref, stillArmed.ref]);

    await waitFor(
      async () => (recorded.runs.some((r) => r.subject === stillArmed.id) ? true : undefined),
      5_000,
      "armed timer fired",
    );
    await waitFor(
      async () =>
        (await pendingWakeUps(producer.timers, tenantId)).length === 0 && (await producer.timers.getActiveCount()) === 0
          ? true
          : undefined,
      5_000,
      "every wake-up done",
    );
    expect(recorded.runs.filter((r) => r.subject === cancelled.id)).toEqual([]);
    for (const ticket of [cancelled, stillArmed]) {
      const row = await ticketOf(world.db, tenantId, ticket.id);
      expect(row).toMatchObject({ status: "open", closedAt: null, version: 2 });
      expect((await eventsOf(world.db, tenantId, ticket.id)).map((e) => e.type)).not.toContain("ticket.auto_closed");
    }
  });
});
