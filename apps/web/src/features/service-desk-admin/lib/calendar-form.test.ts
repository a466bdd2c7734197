import { describe, expect, it } from "vitest";
import type { TBusinessCalendar } from "@atende/contracts";
import { ZCalendar } from "@atende/domain";
import { copyDay, definitionFromForm, mergeHolidays, officeWeek, toCalendarForm, weeklyHours } from "./calendar-form";

const stored: TBusinessCalendar = {
  id: "00000000-0000-4000-8000-000000000001",
  buId: null,
  code: "business-es",
  name: "Business hours",
  definition: {
    timezone: "Europe/Madrid",
    hours: {
      mon: [
        ["08:00", "14:00"],
        ["15:00", "24:00"],
      ],
      tue: [["08:00", "18:00"]],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    },
    holidays: ["2027-01-06", "2027-01-01"],
  },
  version: 3,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

describe("calendar form", () => {
  it("round-trips a weekly definition, holidays sorted", () => {
    const values = toCalendarForm(stored, "UTC");
    expect(values.hours.mon).toEqual([
      { start: "08:00", end: "14:00" },
      { start: "15:00", end: "24:00" },
    ]);
    const definition = ZCalendar.parse(definitionFromForm(values));
    expect(definition).toEqual({ ...(stored.definition as object), holidays: ["2027-01-01", "2027-01-06"] });
  });

  it("turns 24x7 on and off", () => {
    const always = toCalendarForm({ ...stored, definition: "24x7" }, "Europe/Lisbon");
    expect(always.always).toBe(true);
    expect(always.timezone).toBe("Europe/Lisbon");
    expect(definitionFromForm(always)).toBe("24x7");
    expect(ZCalendar.safeParse(definitionFromForm({ ...always, always: false })).success).toBe(true);
  });

  it("starts a new calendar on office hours in the given zone", () => {
    const values = toCalendarForm(null, "Europe/Madrid");
    expect(values).toMatchObject({ code: "", always: false, timezone: "Europe/Madrid", holidays: [] });
    expect(values.hours).toEqual(officeWeek());
    expect(weeklyHours(ZCalendar.parse(definitionFromForm(values)))).toBe(45);
    expect(weeklyHours("24x7")).toBeNull();
  });

  it("merges prefilled holidays without duplicates", () => {
    expect(mergeHolidays(["2027-12-25", "2027-01-01"], ["2027-01-01", "2027-01-06", " "])).toEqual([
      "2027-01-01",
      "2027-01-06",
      "2027-12-25",
    ]);
  });

  it("copies a day to other days without sharing the intervals", () => {
    const week = copyDay(officeWeek(), "mon", ["sat"]);
    expect(week.sat).toEqual([{ start: "09:00", end: "18:00" }]);
    expect(week.sat[0]).not.toBe(week.mon[0]);
  });
});
