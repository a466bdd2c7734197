import { describe, expect, it } from "vitest";
import { ZBuParameters } from "../parameters/bu-parameters";
import { derivePxStatus, type PxJob } from "./project-status";

const params = ZBuParameters.parse({ projectOnHoldDays: 90 });
const now = new Date("2025-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
const job = (status: PxJob["status"], closedAt: Date | null = null): PxJob => ({ status, closedAt });

describe("derivePxStatus", () => {
  it("is new without jobs or with only pre-scheduled ones (cancelled ignored)", () => {
    expect(derivePxStatus([], params, now)).toBe("new");
    expect(derivePxStatus([job("pre_scheduled"), job("cancelled")], params, now)).toBe("new");
  });

  it("is cancelled when every job is", () => {
    expect(derivePxStatus([job("cancelled"), job("cancelled")], params, now)).toBe("cancelled");
  });

  it("is ongoing as soon as one job is scheduled or later and not all are finished", () => {
    expect(derivePxStatus([job("pre_scheduled"), job("scheduled")], params, now)).toBe("ongoing");
    expect(derivePxStatus([job("closed", daysAgo(1)), job("done")], params, now)).toBe("ongoing");
    expect(derivePxStatus([job("closed", daysAgo(1)), job("pre_scheduled")], params, now)).toBe("ongoing");
  });

  it("stays on hold until the on-hold period after the last closure has elapsed", () => {
    const jobs = [job("closed", daysAgo(200)), job("non_compliant", daysAgo(90)), job("cancelled")];
    expect(derivePxStatus(jobs, params, new Date(now.getTime() - 1))).toBe("on_hold");
    expect(derivePxStatus(jobs, params, now)).toBe("closed");
    expect(derivePxStatus([job("closed", daysAgo(89))], params, now)).toBe("on_hold");
  });

  it("treats a finished job without a closure instant as closed just now", () => {
    expect(derivePxStatus([job("closed")], params, now)).toBe("on_hold");
  });
});
