import { describe, expect, it } from "vitest";
import { ZCalendar, ZPause, ZSlaTarget, toPause } from "./calendar";

const officeHours = {
  mon: [["09:00", "18:00"]],
  fri: [
    ["09:00", "13:00"],
    ["15:00", "19:00"],
  ],
};

type Found = { path: PropertyKey[]; message: string };

// zod reports a failed union as one issue holding each branch's issues; an object input only concerns the object branch.
function flatten(
  found: ReadonlyArray<{ code: string; path: PropertyKey[]; message: string; errors?: unknown }>,
): Found[] {
  return found.flatMap((issue) => {
    if (issue.code !== "invalid_union" || !Array.isArray(issue.errors))
      return [{ path: issue.path, message: issue.message }];
    const branches = issue.errors as Array<Parameters<typeof flatten>[0]>;
    return flatten(branches[branches.length - 1] ?? []);
  });
}

function issues(input: unknown): Found[] {
  const result = ZCalendar.safeParse(input);
  return result.success ? [] : flatten(result.error.issues);
}

describe("ZCalendar", () => {
  it("accepts 24x7 and fills missing days and holidays with empty lists", () => {
    expect(ZCalendar.parse("24x7")).toBe("24x7");
    expect(ZCalendar.parse({ timezone: "Europe/Madrid", hours: officeHours })).toEqual({
      timezone: "Europe/Madrid",
      hours: { ...officeHours, tue: [], wed: [], thu: [], sat: [], sun: [] },
      holidays: [],
    });
  });

  it("accepts 24:00 as an end and intervals touching each other", () => {
    const hours = {
      sat: [
        ["00:00", "08:00"],
        ["08:00", "24:00"],
      ],
    };
    expect(issues({ timezone: "UTC", hours })).toEqual([]);
  });

  it("rejects an interval whose end is not after its start, naming the interval", () => {
    expect(
      issues({
        timezone: "UTC",
        hours: {
          mon: [["09:00", "18:00"]],
          tue: [
            ["09:00", "12:00"],
            ["14:00", "14:00"],
          ],
        },
      }),
    ).toEqual([{ path: ["hours", "tue", 1], message: "interval end must be after its start" }]);
    expect(issues({ timezone: "UTC", hours: { wed: [["18:00", "09:00"]] } })[0]).toEqual({
      path: ["hours", "wed", 0],
      message: "interval end must be after its start",
    });
  });

  it("allows 24:00 only as an end, and only well-formed times", () => {
    expect(issues({ timezone: "UTC", hours: { mon: [["24:00", "24:00"]] } })[0]?.path).toEqual(["hours", "mon", 0, 0]);
    for (const bad of [
      ["9:00", "18:00"],
      ["09:00", "24:01"],
      ["09:60", "18:00"],
      ["09:00", "25:00"],
    ]) {
      expect(issues({ timezone: "UTC", hours: { mon: [bad] } }).length).toBeGreaterThan(0);
    }
  });

  it("rejects overlapping intervals of a day, sorted or not", () => {
    const overlap = [{ path: ["hours", "mon", 1], message: "intervals of a day must not overlap" }];
    expect(
      issues({
        timezone: "UTC",
        hours: {
          mon: [
            ["09:00", "13:00"],
            ["12:00", "18:00"],
          ],
        },
      }),
    ).toEqual(overlap);
    const unsorted = issues({
      timezone: "UTC",
      hours: {
        mon: [
          ["12:00", "18:00"],
          ["20:00", "21:00"],
          ["09:00", "12:30"],
        ],
      },
    });
    expect(unsorted).toEqual([{ path: ["hours", "mon", 0], message: "intervals of a day must not overlap" }]);
  });
});

describe("ZCalendar week, holidays and shape", () => {
  it("rejects a week without any interval, unknown days and keys, and bad time zones", () => {
    expect(issues({ timezone: "UTC", hours: {} })).toEqual([
      { path: ["hours"], message: "calendar needs at least one opening interval in the week" },
    ]);
    expect(issues({ timezone: "UTC", hours: { monday: [["09:00", "18:00"]] } }).length).toBeGreaterThan(0);
    expect(issues({ timezone: "UTC", hours: officeHours, extra: 1 }).length).toBeGreaterThan(0);
    expect(issues({ timezone: "Madrid", hours: officeHours })[0]?.path).toEqual(["timezone"]);
    expect(issues("24/7").length).toBeGreaterThan(0);
  });

  it("bounds intervals per day and holidays, and checks holidays are real dates", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => [
      `${String(i * 2).padStart(2, "0")}:00`,
      `${String(i * 2).padStart(2, "0")}:30`,
    ]);
    expect(issues({ timezone: "UTC", hours: { mon: eleven } })[0]?.path).toEqual(["hours", "mon"]);
    expect(issues({ timezone: "UTC", hours: officeHours, holidays: ["2026-02-29"] })[0]?.path).toEqual(["holidays", 0]);
    expect(issues({ timezone: "UTC", hours: officeHours, holidays: ["2028-02-29", "2026-12-25"] })).toEqual([]);
    const many = Array.from({ length: 401 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(issues({ timezone: "UTC", hours: officeHours, holidays: many })[0]?.path).toEqual(["holidays"]);
  });
});

describe("ZSlaTarget", () => {
  it("takes either minutes or business days, within bounds", () => {
    expect(ZSlaTarget.parse({ name: "first response", minutes: 120 })).toEqual({
      name: "first response",
      minutes: 120,
    });
    expect(ZSlaTarget.parse({ name: "resolution", businessDays: 4 })).toEqual({ name: "resolution", businessDays: 4 });
    for (const bad of [
      { name: "", minutes: 1 },
      { name: "x".repeat(61), minutes: 1 },
      { name: "a", minutes: -1 },
      { name: "a", minutes: 1.5 },
      { name: "a", minutes: 10_000_001 },
      { name: "a", businessDays: 3651 },
      { name: "a", minutes: 1, businessDays: 1 },
      { name: "a" },
    ]) {
      expect(ZSlaTarget.safeParse(bad).success).toBe(false);
    }
  });
});

describe("ZPause", () => {
  it("takes ISO instants with an offset, ending at or after the start", () => {
    const pause = ZPause.parse({ from: "2026-03-02T09:00:00+01:00", to: "2026-03-02T08:30:00Z" });
    expect(toPause(pause)).toEqual({ from: new Date("2026-03-02T08:00:00Z"), to: new Date("2026-03-02T08:30:00Z") });
    expect(ZPause.safeParse({ from: "2026-03-02T09:00:00Z", to: "2026-03-02T09:00:00Z" }).success).toBe(true);
    const backwards = ZPause.safeParse({ from: "2026-03-02T09:00:00Z", to: "2026-03-02T08:59:59Z" });
    expect(backwards.error?.issues[0]?.path).toEqual(["to"]);
    expect(ZPause.safeParse({ from: "2026-03-02T09:00:00", to: "2026-03-02T10:00:00Z" }).success).toBe(false);
  });
});
