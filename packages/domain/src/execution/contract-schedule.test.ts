import { describe, expect, it } from "vitest";
import { ZBuParameters } from "../parameters/bu-parameters";
import {
  contractAutoSendAt,
  contractNotSignedTaskAt,
  nextContractReminderAt,
  nextInstantInWindow,
} from "./contract-schedule";

const TZ = "Europe/Madrid";
const params = ZBuParameters.parse({});
const window = params.contractSendWindow;
const at = (iso: string) => new Date(iso);

describe("nextInstantInWindow (Mon-Fri 07:00-23:00, Europe/Madrid)", () => {
  it("keeps an instant inside the window", () => {
    // Tue 2025-03-25 10:00 CET
    expect(nextInstantInWindow(at("2025-03-25T09:00:00Z"), window, TZ)).toEqual(at("2025-03-25T09:00:00Z"));
  });

  it("treats the opening as inside and the closing as outside", () => {
    expect(nextInstantInWindow(at("2025-03-25T06:00:00Z"), window, TZ)).toEqual(at("2025-03-25T06:00:00Z"));
    // 23:00 CET Tuesday -> Wednesday 07:00 CET
    expect(nextInstantInWindow(at("2025-03-25T22:00:00Z"), window, TZ)).toEqual(at("2025-03-26T06:00:00Z"));
  });

  it("moves an early-morning instant to the same day's opening", () => {
    expect(nextInstantInWindow(at("2025-03-25T04:30:00Z"), window, TZ)).toEqual(at("2025-03-25T06:00:00Z"));
  });

  it("supports a window running to midnight", () => {
    const late = { days: window.days, from: "07:00", to: "24:00" };
    expect(nextInstantInWindow(at("2025-03-25T22:30:00Z"), late, TZ)).toEqual(at("2025-03-25T22:30:00Z"));
  });
});

describe("contractAutoSendAt", () => {
  it("Friday 22:30 + 60 min goes to Monday 07:00, across the spring DST change", () => {
    // Fri 2025-03-28 22:30 CET (UTC+1); clocks go forward on Sun 30 March; Mon 07:00 CEST is 05:00 UTC.
    expect(contractAutoSendAt(at("2025-03-28T21:30:00Z"), params, TZ)).toEqual(at("2025-03-31T05:00:00Z"));
  });

  it("sends at created + delay when that falls inside the window", () => {
    expect(contractAutoSendAt(at("2025-03-25T09:00:00Z"), params, TZ)).toEqual(at("2025-03-25T10:00:00Z"));
  });

  it("opens at 07:00 local on the autumn DST Monday too", () => {
    // Sat 2025-10-25 12:00 CEST; clocks go back on Sun 26 October; Mon 07:00 CET is 06:00 UTC.
    expect(contractAutoSendAt(at("2025-10-25T10:00:00Z"), params, TZ)).toEqual(at("2025-10-27T06:00:00Z"));
  });
});

describe("nextContractReminderAt", () => {
  it("adds the interval in elapsed hours, then respects the window", () => {
    const everyDay = ZBuParameters.parse({
      contractSendWindow: { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], from: "07:00", to: "23:00" },
    });
    // Sat 2025-10-25 10:00 CEST + 24 h = Sun 09:00 CET (08:00 UTC).
    expect(nextContractReminderAt(at("2025-10-25T08:00:00Z"), everyDay, TZ)).toEqual(at("2025-10-26T08:00:00Z"));
    // Thu 2025-03-27 22:30 CET + 24 h = Fri 22:30, still inside.
    expect(nextContractReminderAt(at("2025-03-27T21:30:00Z"), params, TZ)).toEqual(at("2025-03-28T21:30:00Z"));
    // Fri 22:45 CET + 24 h = Saturday -> Monday 07:00 CEST.
    expect(nextContractReminderAt(at("2025-03-28T21:45:00Z"), params, TZ)).toEqual(at("2025-03-31T05:00:00Z"));
  });
});

describe("contractNotSignedTaskAt", () => {
  it("is the threshold after the first send, at any hour", () => {
    expect(contractNotSignedTaskAt(at("2025-03-28T21:30:00Z"), params)).toEqual(at("2025-03-31T21:30:00Z"));
  });
});
