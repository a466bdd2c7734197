import { describe, expect, it } from "vitest";
import { weeklyBusinessMinutes, withinHorizon } from "./horizon";

const office = {
  timezone: "Europe/Madrid",
  hours: {
    mon: [["09:00", "18:00"]],
    tue: [
      ["09:00", "13:00"],
      ["15:00", "19:00"],
    ],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [["00:00", "24:00"]],
  },
  holidays: [],
} as const;

describe("SLA horizon", () => {
  it("sums a week's open minutes, 24:00 included", () => {
    expect(weeklyBusinessMinutes("24x7")).toBe(10080);
    expect(weeklyBusinessMinutes(office as never)).toBe(540 + 480 + 1440);
  });

  it("refuses targets beyond ten years of business time", () => {
    const oneMinuteWeek = {
      timezone: "UTC",
      hours: { mon: [["09:00", "09:01"]], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: [],
    };
    expect(withinHorizon(oneMinuteWeek as never, { minutes: 520 })).toBe(true);
    expect(withinHorizon(oneMinuteWeek as never, { minutes: 10_000_000 })).toBe(false);
    expect(withinHorizon("24x7", { businessDays: 3640 })).toBe(true);
    expect(withinHorizon(oneMinuteWeek as never, { businessDays: 521 })).toBe(false);
  });
});
