import { describe, expect, it } from "vitest";
import type { TJob } from "@atende/contracts";
import { createTestApp } from "../app";
import { givenExecutionWorld } from "../factories/execution";
import {
  addDays,
  createOrder,
  expectProblem,
  FRIDAY,
  getJob,
  historyOf,
  jobWithCode,
  madridToday,
  nextWeekday,
  ok,
  post,
  sendContract,
  tempStorage,
  weekdayOf,
} from "./exec-helpers";

const t = await createTestApp({ storageDir: tempStorage() });

describe("default job dates", () => {
  it("plans delivery + order buffer (weekdays only) + installation buffer, moving a weekend to Monday", async () => {
    // 48 h order buffer (ES) and 4 installation days: Friday delivery -> Tuesday earliest -> Saturday -> Monday.
    const w = await givenExecutionWorld(t, "dates-default", { installationBufferDays: 4 });
    const delivery = nextWeekday(FRIDAY, 14);
    const order = await createOrder(t, w, "O-1", {
      products: [
        { sku: "OVEN", quantity: 1, expectedDeliveryDate: addDays(delivery, -3) },
        { sku: "OVEN", quantity: 1, expectedDeliveryDate: delivery },
        { sku: "OVEN", quantity: 1, expectedDeliveryDate: null },
      ],
    });
    const job = await jobWithCode(t, w, order, "KIT");
    expect(job.earliestDate).toBe(addDays(delivery, 4));
    expect(weekdayOf(job.earliestDate)).toBe(2);
    expect(job.plannedDate).toBe(addDays(delivery, 10));
    expect(weekdayOf(job.plannedDate)).toBe(1);
    expect(job.latestDate).toBe(addDays(madridToday(), 90));
  });

  it("counts the order buffer from the order date when no product has a delivery date", async () => {
    const w = await givenExecutionWorld(t, "dates-nodelivery", { orderBufferHours: 72, installationBufferDays: 0 });
    const order = await createOrder(t, w, "O-1", { products: [] });
    const job = await jobWithCode(t, w, order, "KIT");
    let expected = madridToday();
    for (let left = 3; left > 0;) {
      expected = addDays(expected, 1);
      if (weekdayOf(expected) !== 0 && weekdayOf(expected) !== 6) left--;
    }
    expect(job.plannedDate).toBe(expected);
    expect(job.earliestDate).toBe(expected);
  });
});

describe("rescheduling", () => {
  it("refuses dates before the order's constraint, in the past or beyond the horizon, and books a valid one", async () => {
    const w = await givenExecutionWorld(t, "dates-resched");
    const delivery = nextWeekday(FRIDAY, 14);
    const order = await createOrder(t, w, "O-1", {
      products: [{ sku: "OVEN", quantity: 1, expectedDeliveryDate: delivery }],
    });
    const job = await jobWithCode(t, w, order, "KIT");
    expect(job.earliestDate).toBe(addDays(delivery, 4));
    const seller = await w.as("seller");
    await sendContract(t, seller, job.id, "email");
    const { version } = await getJob(t, seller, job.id);
    const url = `/api/v1/jobs/${job.id}/reschedule`;
    const before = expectProblem(
      await post(t, url, seller.headers, { version, plannedDate: addDays(delivery, 3) }),
      422,
      { code: "RULE_VIOLATION", path: "body.plannedDate", rule: "before_order_constraint" },
    );
    expect(before.detail).toContain(addDays(delivery, 4));
    expectProblem(await post(t, url, seller.headers, { version, plannedDate: addDays(madridToday(), -1) }), 422, {
      path: "body.plannedDate",
      rule: "in_the_past",
    });
    expectProblem(await post(t, url, seller.headers, { version, plannedDate: addDays(madridToday(), 91) }), 422, {
      path: "body.plannedDate",
      rule: "beyond_bookable_horizon",
    });
    expectProblem(await post(t, url, seller.headers, { version, plannedDate: "2027-02-30" }), 400, {
      path: "body.plannedDate",
    });
    expect((await getJob(t, seller, job.id)).version).toBe(version);
    const target = addDays(delivery, 5);
    const moved = ok<TJob>(await post(t, url, seller.headers, { version, plannedDate: target }));
    expect(moved.plannedDate).toBe(target);
    expect(moved.version).toBe(version + 1);
    // An unsigned contract shows the old date: it is voided and a new version is due.
    expect(moved.contracts.map((c) => c.status)).toEqual(["cancelled"]);
    const event = (await historyOf(t, seller, job.id)).find((e) => e.name === "RESCHEDULED");
    expect(event?.code).toBe(110);
    expect(event?.data).toMatchObject({ previousDate: job.plannedDate, plannedDate: target });
    // The earliest allowed date itself is bookable.
    const onEdge = ok<TJob>(
      await post(t, url, seller.headers, { version: moved.version, plannedDate: job.earliestDate }),
    );
    expect(onEdge.plannedDate).toBe(job.earliestDate);
  });
});
