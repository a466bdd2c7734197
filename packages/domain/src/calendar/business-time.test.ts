import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessMinutes,
  businessIntervals,
  dueFor,
  elapsedBusinessMinutes,
  formatUtc,
  previewSla,
} from "./business-time";
import { ZCalendar, type Calendar, type Pause } from "./calendar";

type Hours = Partial<Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", Array<[string, string]>>>;

function calendar(timezone: string, hours: Hours, holidays: string[] = []): Calendar {
  return ZCalendar.parse({ timezone, hours, holidays });
}

function weekdays(intervals: Array<[string, string]>): Hours {
  return { mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals };
}

function everyDay(intervals: Array<[string, string]>): Hours {
  return { ...weekdays(intervals), sat: intervals, sun: intervals };
}

const at = (iso: string) => new Date(iso);
const utc = (date: Date) => formatUtc(date);
const pause = (from: string, to: string): Pause => ({ from: at(from), to: at(to) });

// June 2026 is CEST (+02:00): Fri 5, Mon 8, Tue 9, Wed 10. December is CET (+01:00); Tue 2026-12-08 is a holiday.
const madrid = calendar("Europe/Madrid", weekdays([["09:00", "18:00"]]), ["2026-12-08"]);
const split = calendar(
  "Europe/Madrid",
  weekdays([
    ["09:00", "13:00"],
    ["15:00", "19:00"],
  ]),
);

describe("addBusinessMinutes", () => {
  it("carries over the weekend: Fri 17:00 + 120 min is Mon 10:00", () => {
    expect(addBusinessMinutes(madrid, at("2026-06-05T17:00:00+02:00"), 120)).toEqual(at("2026-06-08T10:00:00+02:00"));
  });

  it("gives the closing instant when the target is reached exactly at closing", () => {
    expect(addBusinessMinutes(madrid, at("2026-06-05T17:00:00+02:00"), 60)).toEqual(at("2026-06-05T18:00:00+02:00"));
    expect(addBusinessMinutes(split, at("2026-06-08T12:00:00+02:00"), 60)).toEqual(at("2026-06-08T13:00:00+02:00"));
  });

  it("returns the start itself for a zero target, even outside business hours", () => {
    expect(addBusinessMinutes(madrid, at("2026-06-06T12:00:00+02:00"), 0)).toEqual(at("2026-06-06T12:00:00+02:00"));
  });

  it("walks several intervals a day", () => {
    expect(addBusinessMinutes(split, at("2026-06-08T12:00:00+02:00"), 61)).toEqual(at("2026-06-08T15:01:00+02:00"));
    expect(addBusinessMinutes(split, at("2026-06-08T12:00:00+02:00"), 480)).toEqual(at("2026-06-09T12:00:00+02:00"));
    expect(addBusinessMinutes(split, at("2026-06-08T14:00:00+02:00"), 30)).toEqual(at("2026-06-08T15:30:00+02:00"));
  });

  it("skips holidays", () => {
    expect(addBusinessMinutes(madrid, at("2026-12-07T17:00:00+01:00"), 120)).toEqual(at("2026-12-09T10:00:00+01:00"));
  });

  it("handles starts before opening, after closing and on a weekend", () => {
    expect(addBusinessMinutes(madrid, at("2026-06-08T07:00:00+02:00"), 30)).toEqual(at("2026-06-08T09:30:00+02:00"));
    expect(addBusinessMinutes(madrid, at("2026-06-08T19:00:00+02:00"), 30)).toEqual(at("2026-06-09T09:30:00+02:00"));
    expect(addBusinessMinutes(madrid, at("2026-06-06T12:00:00+02:00"), 30)).toEqual(at("2026-06-08T09:30:00+02:00"));
  });

  it("counts up to a 24:00 end, whose closing instant is the next midnight", () => {
    const evenings = calendar("Europe/Madrid", weekdays([["16:00", "24:00"]]));
    expect(addBusinessMinutes(evenings, at("2026-06-08T23:00:00+02:00"), 60)).toEqual(at("2026-06-09T00:00:00+02:00"));
    expect(addBusinessMinutes(evenings, at("2026-06-08T23:00:00+02:00"), 90)).toEqual(at("2026-06-09T16:30:00+02:00"));
  });
});

describe("addBusinessMinutes with pauses, 24x7 and bad input", () => {
  it("does not count business time inside pauses", () => {
    const start = at("2026-06-08T09:00:00+02:00");
    expect(
      addBusinessMinutes(madrid, start, 120, [pause("2026-06-08T10:00:00+02:00", "2026-06-08T10:30:00+02:00")]),
    ).toEqual(at("2026-06-08T11:30:00+02:00"));
    // Only 17:00-18:00 and 09:00-10:00 of the overnight pause are business time.
    const overnight = [pause("2026-06-08T17:00:00+02:00", "2026-06-09T10:00:00+02:00")];
    expect(addBusinessMinutes(madrid, at("2026-06-08T16:00:00+02:00"), 120, overnight)).toEqual(
      at("2026-06-09T11:00:00+02:00"),
    );
    const overlapping = [
      pause("2026-06-08T10:00:00+02:00", "2026-06-08T11:00:00+02:00"),
      pause("2026-06-08T10:30:00+02:00", "2026-06-08T11:30:00+02:00"),
    ];
    expect(addBusinessMinutes(madrid, start, 120, overlapping)).toEqual(at("2026-06-08T12:30:00+02:00"));
    expect(
      addBusinessMinutes(madrid, start, 120, [pause("2026-06-08T07:00:00+02:00", "2026-06-08T09:30:00+02:00")]),
    ).toEqual(at("2026-06-08T11:30:00+02:00"));
  });

  it("adds plain minutes on a 24x7 calendar and rejects bad input", () => {
    expect(addBusinessMinutes("24x7", at("2026-06-06T23:30:00Z"), 45)).toEqual(at("2026-06-07T00:15:00Z"));
    expect(
      addBusinessMinutes("24x7", at("2026-06-06T23:30:00Z"), 45, [
        pause("2026-06-06T23:40:00Z", "2026-06-06T23:50:00Z"),
      ]),
    ).toEqual(at("2026-06-07T00:25:00Z"));
    expect(() => addBusinessMinutes(madrid, at("2026-06-06T23:30:00Z"), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(madrid, at("nonsense"), 1)).toThrow(RangeError);
  });

  it("refuses a calendar without business hours", () => {
    const closed = {
      timezone: "UTC",
      hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: [],
    } as Calendar;
    expect(() => addBusinessMinutes(closed, at("2026-06-06T23:30:00Z"), 1)).toThrow("calendar has no business hours");
  });
});

describe("addBusinessDays", () => {
  it("businessDays 0 is the closing of day 0, the business day of the first business instant", () => {
    expect(addBusinessDays(madrid, at("2026-06-10T10:00:00+02:00"), 0)).toEqual(at("2026-06-10T18:00:00+02:00"));
    expect(addBusinessDays(madrid, at("2026-06-10T18:00:00+02:00"), 0)).toEqual(at("2026-06-11T18:00:00+02:00"));
    expect(addBusinessDays(madrid, at("2026-06-10T19:00:00+02:00"), 0)).toEqual(at("2026-06-11T18:00:00+02:00"));
    expect(addBusinessDays(madrid, at("2026-06-06T10:00:00+02:00"), 0)).toEqual(at("2026-06-08T18:00:00+02:00"));
  });

  it("businessDays 2 from a Friday afternoon closes on Tuesday", () => {
    expect(addBusinessDays(madrid, at("2026-06-05T15:00:00+02:00"), 2)).toEqual(at("2026-06-09T18:00:00+02:00"));
    expect(addBusinessDays(split, at("2026-06-05T15:00:00+02:00"), 2)).toEqual(at("2026-06-09T19:00:00+02:00"));
  });

  it("skips holidays and long spans", () => {
    expect(addBusinessDays(madrid, at("2026-12-04T12:00:00+01:00"), 2)).toEqual(at("2026-12-09T18:00:00+01:00"));
    // 2026-01-05 is the 3rd weekday of 2026; 250 later, with 8 December skipped, is the 254th: Tue 22 December.
    expect(addBusinessDays(madrid, at("2026-01-05T15:00:00+01:00"), 250)).toEqual(at("2026-12-22T18:00:00+01:00"));
  });

  it("is start + N x 24 h on a 24x7 calendar", () => {
    expect(addBusinessDays("24x7", at("2026-03-27T10:15:00Z"), 3)).toEqual(at("2026-03-30T10:15:00Z"));
    expect(addBusinessDays("24x7", at("2026-03-27T10:15:00Z"), 0)).toEqual(at("2026-03-27T10:15:00Z"));
  });

  it("is extended by the paused business minutes, skipping pauses met on the way", () => {
    const start = at("2026-06-08T10:00:00+02:00");
    const lunch = pause("2026-06-08T11:00:00+02:00", "2026-06-08T12:00:00+02:00");
    expect(addBusinessDays(madrid, start, 1)).toEqual(at("2026-06-09T18:00:00+02:00"));
    expect(addBusinessDays(madrid, start, 1, [lunch])).toEqual(at("2026-06-10T10:00:00+02:00"));
    const morning = pause("2026-06-10T09:00:00+02:00", "2026-06-10T09:30:00+02:00");
    expect(addBusinessDays(madrid, start, 1, [lunch, morning])).toEqual(at("2026-06-10T10:30:00+02:00"));
    expect(
      addBusinessDays("24x7", at("2026-06-08T10:00:00Z"), 1, [pause("2026-06-08T12:00:00Z", "2026-06-08T14:00:00Z")]),
    ).toEqual(at("2026-06-09T12:00:00Z"));
  });
});

describe("elapsedBusinessMinutes and businessIntervals", () => {
  it("counts only business time across a weekend", () => {
    expect(elapsedBusinessMinutes(madrid, at("2026-06-05T17:00:00+02:00"), at("2026-06-08T10:00:00+02:00"))).toBe(120);
    expect(elapsedBusinessMinutes(split, at("2026-06-05T12:00:00+02:00"), at("2026-06-08T16:00:00+02:00"))).toBe(
      60 + 240 + 240 + 60,
    );
    expect(elapsedBusinessMinutes(madrid, at("2026-06-08T10:00:00+02:00"), at("2026-06-08T09:00:00+02:00"))).toBe(0);
    expect(elapsedBusinessMinutes(madrid, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"))).toBe(260 * 540);
  });

  it("subtracts pauses only where they overlap business time, merging overlapping pauses", () => {
    const pauses = [
      pause("2026-06-05T17:30:00+02:00", "2026-06-08T09:15:00+02:00"),
      pause("2026-06-06T00:00:00+02:00", "2026-06-08T09:20:00+02:00"),
    ];
    expect(
      elapsedBusinessMinutes(madrid, at("2026-06-05T17:00:00+02:00"), at("2026-06-08T10:00:00+02:00"), pauses),
    ).toBe(120 - 30 - 20);
    expect(elapsedBusinessMinutes("24x7", at("2026-06-05T17:00:00Z"), at("2026-06-05T17:01:30Z"))).toBe(1.5);
  });

  it("lists the open intervals clipped to the range, in order", () => {
    const intervals = businessIntervals(split, at("2026-06-05T12:00:00+02:00"), at("2026-06-08T10:00:00+02:00"));
    expect(intervals.map(({ start, end }) => [utc(start), utc(end)])).toEqual([
      ["2026-06-05T10:00:00Z", "2026-06-05T11:00:00Z"],
      ["2026-06-05T13:00:00Z", "2026-06-05T17:00:00Z"],
      ["2026-06-08T07:00:00Z", "2026-06-08T08:00:00Z"],
    ]);
    expect(businessIntervals("24x7", at("2026-06-05T12:00:00Z"), at("2026-06-08T10:00:00Z"))).toEqual([
      { start: at("2026-06-05T12:00:00Z"), end: at("2026-06-08T10:00:00Z") },
    ]);
    expect(businessIntervals(madrid, at("2026-12-08T00:00:00+01:00"), at("2026-12-09T00:00:00+01:00"))).toEqual([]);
  });
});

describe("daylight saving time in Europe/Madrid", () => {
  const allDay = calendar("Europe/Madrid", everyDay([["00:00", "24:00"]]));
  const nights = calendar("Europe/Madrid", everyDay([["00:00", "06:00"]]));
  const madridDay = (date: string) =>
    [
      at(`${date}T00:00:00+01:00`),
      DateTime.fromISO(date, { zone: "Europe/Madrid" }).plus({ days: 1 }).toJSDate(),
    ] as const;

  it("Europe/Madrid 2026-03-29 has 23 business hours, and 00:00-06:00 lasts 5 h", () => {
    const [from, to] = madridDay("2026-03-29");
    expect(elapsedBusinessMinutes(allDay, from, to)).toBe(23 * 60);
    expect(elapsedBusinessMinutes(nights, from, to)).toBe(5 * 60);
    expect(addBusinessMinutes(allDay, from, 180)).toEqual(at("2026-03-29T04:00:00+02:00"));
    expect(addBusinessDays(allDay, at("2026-03-28T12:00:00+01:00"), 1)).toEqual(at("2026-03-30T00:00:00+02:00"));
    expect(addBusinessDays(nights, at("2026-03-29T01:00:00+01:00"), 0)).toEqual(at("2026-03-29T06:00:00+02:00"));
  });

  it("Europe/Madrid 2026-10-25 has 25 business hours, and 00:00-06:00 lasts 7 h", () => {
    const from = at("2026-10-25T00:00:00+02:00");
    const to = at("2026-10-26T00:00:00+01:00");
    expect(elapsedBusinessMinutes(allDay, from, to)).toBe(25 * 60);
    expect(elapsedBusinessMinutes(nights, from, to)).toBe(7 * 60);
    expect(addBusinessMinutes(nights, from, 7 * 60)).toEqual(at("2026-10-25T06:00:00+01:00"));
    expect(addBusinessDays(allDay, at("2026-10-24T12:00:00+02:00"), 1)).toEqual(to);
  });

  it("an interval inside the spring-forward gap has no business time that day", () => {
    const gap = calendar("Europe/Madrid", everyDay([["02:00", "03:00"]]));
    expect(businessIntervals(gap, at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"))).toEqual([]);
    expect(addBusinessDays(gap, at("2026-03-29T00:00:00+01:00"), 0)).toEqual(at("2026-03-30T03:00:00+02:00"));
    expect(addBusinessMinutes(gap, at("2026-03-28T02:30:00+01:00"), 60)).toEqual(at("2026-03-30T02:30:00+02:00"));
  });
});

describe("daylight saving time in America/Mexico_City", () => {
  it("America/Mexico_City keeps -06:00 all of 2026 and its calendars work", () => {
    for (let month = 1; month <= 12; month++) {
      expect(
        DateTime.fromObject({ year: 2026, month, day: 15, hour: 12 }, { zone: "America/Mexico_City" }).offset,
      ).toBe(-360);
    }
    const mexico = calendar("America/Mexico_City", {
      ...weekdays([["06:00", "21:00"]]),
      sat: [["08:00", "17:00"]],
      sun: [["08:00", "17:00"]],
    });
    expect(addBusinessMinutes(mexico, at("2026-07-03T20:00:00-06:00"), 120)).toEqual(at("2026-07-04T09:00:00-06:00"));
    // Saturday after closing: day 0 is Sunday, day 1 is Monday, which closes at 21:00.
    expect(addBusinessDays(mexico, at("2026-04-04T18:00:00-06:00"), 1)).toEqual(at("2026-04-06T21:00:00-06:00"));
    const [from, to] = [at("2026-04-05T00:00:00-06:00"), at("2026-04-06T00:00:00-06:00")];
    expect(elapsedBusinessMinutes(calendar("America/Mexico_City", everyDay([["00:00", "24:00"]])), from, to)).toBe(
      24 * 60,
    );
  });

  it("America/Mexico_City 2022-04-03 still sprang forward (historical zone data)", () => {
    const allDayMexico = calendar("America/Mexico_City", everyDay([["00:00", "24:00"]]));
    expect(elapsedBusinessMinutes(allDayMexico, at("2022-04-03T00:00:00-06:00"), at("2022-04-04T00:00:00-05:00"))).toBe(
      23 * 60,
    );
    const early = calendar("America/Mexico_City", everyDay([["01:00", "04:00"]]));
    expect(businessIntervals(early, at("2022-04-03T00:00:00-06:00"), at("2022-04-04T00:00:00-05:00"))).toEqual([
      { start: at("2022-04-03T01:00:00-06:00"), end: at("2022-04-03T04:00:00-05:00") },
    ]);
  });
});

describe("dueFor, previewSla and formatUtc", () => {
  it("dispatches on the kind of target and names each due instant", () => {
    const start = at("2026-06-05T17:00:00+02:00");
    expect(dueFor(madrid, start, { minutes: 120 })).toEqual(at("2026-06-08T10:00:00+02:00"));
    expect(dueFor(madrid, start, { businessDays: 2 })).toEqual(at("2026-06-09T18:00:00+02:00"));
    const preview = previewSla({
      calendar: madrid,
      start,
      targets: [
        { name: "first response", minutes: 120 },
        { name: "resolution", businessDays: 2 },
      ],
      pauses: [pause("2026-06-08T09:00:00+02:00", "2026-06-08T09:30:00+02:00")],
    });
    expect(Object.fromEntries(Object.entries(preview).map(([name, due]) => [name, utc(due)]))).toEqual({
      "first response": "2026-06-08T08:30:00Z",
      resolution: "2026-06-10T07:30:00Z",
    });
  });

  it("formats whole seconds in UTC", () => {
    expect(formatUtc(at("2027-09-27T21:00:00.987+02:00"))).toBe("2027-09-27T19:00:00Z");
  });
});
