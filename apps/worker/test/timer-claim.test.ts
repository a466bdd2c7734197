import { withTenant } from "@atende/db";
import { cancelTimer, claimTimer, fireTimer, insertOutbox, scheduleTimer, type TimerRef } from "@atende/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwoTenantWorld, scheduleTestTimer, sessionExpiryOnly, timerRow, type World } from "./support";

describe("the raw timer claim and outbox insert", () => {
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
    scheduleTestTimer(world, tenantId, `claim-${(subjects += 1)}`, dueAt);

  const claim = (ref: TimerRef, now: Date, asTenant = ref.tenantId): Promise<boolean> =>
    withTenant(world.db, asTenant, (tx) => claimTimer(tx, ref, now));

  it("claims the current generation once, setting status and fired_at", async () => {
    const ref = await schedule();
    const now = new Date("2027-05-01T10:00:00.123Z");
    expect(await claim(ref, now)).toBe(true);
    const row = await timerRow(world.db, tenantId, ref.timerId);
    expect(row).toMatchObject({ status: "fired", generation: ref.generation, firedAt: now });
    expect(await claim(ref, new Date())).toBe(false);
    expect((await timerRow(world.db, tenantId, ref.timerId)).firedAt).toEqual(now);
  });

  it("finds nothing for a stale generation, a cancelled timer or another tenant", async () => {
    const first = await schedule();
    const second = await schedule();
    const rescheduled = await withTenant(world.db, tenantId, (tx) =>
      scheduleTimer(tx, { tenantId, kind: "session-expiry", subject: second.subject, dueAt: new Date() }),
    );
    expect(await claim(second, new Date())).toBe(false);

    await withTenant(world.db, tenantId, (tx) => cancelTimer(tx, tenantId, "session-expiry", first.subject));
    expect(await claim({ ...first, generation: first.generation + 1 }, new Date())).toBe(false);

    expect(await claim(rescheduled, new Date(), otherTenantId)).toBe(false);
    expect(await claim({ ...rescheduled, tenantId: otherTenantId }, new Date(), otherTenantId)).toBe(false);
    expect((await timerRow(world.db, tenantId, rescheduled.timerId)).status).toBe("scheduled");
    expect(await claim(rescheduled, new Date())).toBe(true);
  });

  it("writes an outbox row with the returned id that commits or rolls back with the claim", async () => {
    const ref = await schedule();
    const availableAt = new Date("2999-01-01T00:00:00Z");
    let outboxId = "";
    const failing = sessionExpiryOnly(async (tx, job) => {
      outboxId = await insertOutbox(tx, { tenantId: job.tenantId, kind: "test", payload: { n: 1 }, availableAt });
      throw new Error("handler failed after its insert");
    });
    await expect(fireTimer(world.db, failing, ref, new Date())).rejects.toThrow("handler failed");
    expect(await withTenant(world.db, tenantId, (tx) => tx.outbox.findUnique({ where: { id: outboxId } }))).toBeNull();
    expect((await timerRow(world.db, tenantId, ref.timerId)).status).toBe("scheduled");

    const before = Date.now();
    const writing = sessionExpiryOnly(async (tx, job) => {
      outboxId = await insertOutbox(tx, {
        tenantId: job.tenantId,
        kind: "test",
        payload: { timerId: job.timerId, nested: { list: [1, "two", null], ok: true } },
      });
    });
    expect(await fireTimer(world.db, writing, ref, new Date())).toBe(true);
    expect(await fireTimer(world.db, writing, ref, new Date())).toBe(false);
    const rows = await withTenant(world.db, tenantId, (tx) => tx.outbox.findMany({ where: { kind: "test" } }));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      id: outboxId,
      tenantId,
      status: "pending",
      attempts: 0,
      sentAt: null,
      lastError: null,
      payload: { timerId: ref.timerId, nested: { list: [1, "two", null], ok: true } },
    });
    expect(row.availableAt).toEqual(row.createdAt);
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
