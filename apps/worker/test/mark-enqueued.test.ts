import { withTenant } from "@atende/db";
import { markEnqueued, type TimerRef } from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwoTenantWorld, scheduleTestTimer, timerRow, type World } from "./support";

describe("marking timers enqueued", () => {
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

  const schedule = (tenant = tenantId, subject = `mark-${(subjects += 1)}`): Promise<TimerRef> =>
    scheduleTestTimer(world, tenant, subject, new Date(Date.now() + 60_000));

  it("marks the enqueued generation of each tenant's timers", async () => {
    const refs = [await schedule(), await schedule(), await schedule(otherTenantId)];
    const at = new Date("2027-03-01T08:00:00.250Z");
    await markEnqueued(world.db, refs, at);
    for (const ref of refs) expect((await timerRow(world.db, ref.tenantId, ref.timerId)).enqueuedAt).toEqual(at);
  });

  it("leaves a rescheduled timer's newer generation unmarked", async () => {
    const first = await schedule();
    const second = await schedule(tenantId, first.subject);
    await markEnqueued(world.db, [first], new Date());
    expect((await timerRow(world.db, tenantId, second.timerId)).enqueuedAt).toBeNull();
  });

  it("skips a timer another transaction holds instead of waiting for it", async () => {
    const held = await schedule();
    const free = await schedule();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = withTenant(world.db, tenantId, async (tx) => {
      await tx.$queryRaw`SELECT id FROM timers WHERE id = ${held.timerId}::uuid FOR UPDATE`;
      locked();
      await released;
    });
    await isLocked;
    const started = Date.now();
    await markEnqueued(world.db, [held, free], new Date());
    expect(Date.now() - started).toBeLessThan(2_000);
    release();
    await holder;
    expect((await timerRow(world.db, tenantId, held.timerId)).enqueuedAt).toBeNull();
    expect((await timerRow(world.db, tenantId, free.timerId)).enqueuedAt).not.toBeNull();
  });

  it("cannot mark another tenant's timer by naming it under its own tenant", async () => {
    const foreign = await schedule(otherTenantId);
    await markEnqueued(world.db, [{ ...foreign, tenantId }], new Date());
    expect((await timerRow(world.db, otherTenantId, foreign.timerId)).enqueuedAt).toBeNull();
  });
});
