import { describe, expect, it } from "vitest";
import type { TimerRef } from "./timers";
import { WAKE_GRID_MS, WAKE_LEAD_MS, WAKE_SHARED_AFTER_MS, wakeJobId, wakeJobsFor, wakeTimeOf } from "./wake";

const tenantA = "0195f000-0000-7000-8000-00000000000a";
const tenantB = "0195f000-0000-7000-8000-00000000000b";
const now = new Date("2027-03-01T10:00:00.000Z");

function ref(tenantId: string, dueInMs: number, n = 1): TimerRef {
  return {
    tenantId,
    timerId: `0195f000-0000-7000-8000-${String(n).padStart(12, "0")}`,
    kind: "session-expiry",
    subject: `s-${n}`,
    generation: 1,
    dueAt: new Date(now.getTime() + dueInMs),
  };
}

describe("wake-ups", () => {
  it("rounds a due time up to the grid, never before it", () => {
    expect(wakeTimeOf(new Date(20_000))).toBe(20_000);
    expect(wakeTimeOf(new Date(20_001))).toBe(20_000 + WAKE_GRID_MS);
    expect(wakeTimeOf(new Date(20_000 + WAKE_GRID_MS - 1))).toBe(20_000 + WAKE_GRID_MS);
  });

  it("adds one job per tenant and grid slot, due WAKE_LEAD_MS early, under the slot's id", () => {
    const jobs = wakeJobsFor([ref(tenantA, 60_001, 1), ref(tenantA, 60_005, 2), ref(tenantB, 60_003, 3)], now);
    const wakeAt = now.getTime() + 60_000 + WAKE_GRID_MS;
    expect(jobs).toHaveLength(2);
    expect(jobs.map((job) => job.data)).toEqual([
      { tenantId: tenantA, wakeAt },
      { tenantId: tenantB, wakeAt },
    ]);
    expect(jobs.map((job) => job.opts.jobId)).toEqual([wakeJobId(tenantA, wakeAt), wakeJobId(tenantB, wakeAt)]);
    expect(jobs.every((job) => job.opts.delay === wakeAt - WAKE_LEAD_MS - now.getTime())).toBe(true);
    expect(jobs.every((job) => job.opts.removeOnComplete === true)).toBe(true);
  });

  it("gives a near or overdue wake-up an id of its own, since its slot's job may be running already", () => {
    const near = WAKE_SHARED_AFTER_MS + WAKE_LEAD_MS - WAKE_GRID_MS;
    const [soon, overdue, again] = [ref(tenantA, near), ref(tenantA, -5_000, 2), ref(tenantA, near, 3)].map(
      (r) => wakeJobsFor([r], now)[0]!,
    );
    expect(soon!.opts.jobId).not.toBe(wakeJobId(tenantA, soon!.data.wakeAt));
    expect(again!.opts.jobId).not.toBe(soon!.opts.jobId);
    expect(soon!.opts.jobId).toMatch(/^wake-/);
    expect(overdue!.opts.delay).toBe(0);
    expect(overdue!.data.wakeAt).toBe(now.getTime() - 5_000);
  });
});
