import { describe, expect, it } from "vitest";
import { ZBuParameters, type BuParameters } from "../parameters/bu-parameters";
import { checkBookingDate, defaultInstallationDate, earliestInstallationDate } from "./job-dates";

const params = (overrides: Partial<BuParameters> = {}) => ZBuParameters.parse(overrides);
// June 2025: Fri 6, Sat 7, Sun 8, Mon 9, Tue 10.
const ES = params({ orderBufferHours: 48 });

describe("earliestInstallationDate", () => {
  it("counts the buffer in weekdays after the latest delivery date", () => {
    expect(earliestInstallationDate(["2025-06-03", "2025-06-06", "2025-06-04"], "2025-06-01", ES)).toBe("2025-06-10");
    expect(earliestInstallationDate(["2025-06-07"], "2025-06-01", ES)).toBe("2025-06-10");
    expect(earliestInstallationDate(["2025-06-02"], "2025-06-01", ES)).toBe("2025-06-04");
  });

  it("starts from the order date without product lines and rounds partial days up", () => {
    expect(earliestInstallationDate([], "2025-06-04", params({ orderBufferHours: 72 }))).toBe("2025-06-09");
    expect(earliestInstallationDate([], "2025-06-04", params({ orderBufferHours: 25 }))).toBe("2025-06-06");
  });

  it("keeps the base itself with no buffer, even on a weekend", () => {
    expect(earliestInstallationDate(["2025-06-07"], "2025-06-01", params({ orderBufferHours: 0 }))).toBe("2025-06-07");
  });

  it("rejects malformed dates", () => {
    expect(() => earliestInstallationDate(["2025-6-7"], "2025-06-01", ES)).toThrow(/YYYY-MM-DD/);
    expect(() => earliestInstallationDate([], "2025-02-30", ES)).toThrow(/YYYY-MM-DD/);
  });
});

describe("defaultInstallationDate", () => {
  it("adds the installation buffer in calendar days and moves a weekend to Monday", () => {
    expect(defaultInstallationDate(["2025-06-06"], "2025-06-01", { ...ES, installationBufferDays: 0 })).toBe(
      "2025-06-10",
    );
    expect(defaultInstallationDate(["2025-06-06"], "2025-06-01", { ...ES, installationBufferDays: 3 })).toBe(
      "2025-06-13",
    );
    expect(defaultInstallationDate(["2025-06-06"], "2025-06-01", { ...ES, installationBufferDays: 4 })).toBe(
      "2025-06-16",
    );
    expect(defaultInstallationDate(["2025-06-07"], "2025-06-01", params({ orderBufferHours: 0 }))).toBe("2025-06-09");
  });
});

describe("checkBookingDate", () => {
  const today = "2025-06-02";
  const constraint = { earliest: "2025-06-10" };
  const p = params({ bookableHorizonDays: 90 });

  it("accepts from the constraint up to the horizon, both included", () => {
    expect(checkBookingDate("2025-06-10", constraint, today, p)).toEqual({ ok: true });
    expect(checkBookingDate("2025-08-31", constraint, today, p)).toEqual({ ok: true });
    expect(checkBookingDate(today, { earliest: "2025-05-01" }, today, p)).toEqual({ ok: true });
  });

  it("names the rule and the bound it breaks", () => {
    expect(checkBookingDate("2025-06-09", constraint, today, p)).toMatchObject({
      ok: false,
      rule: "before_order_constraint",
      earliest: "2025-06-10",
    });
    expect(checkBookingDate("2025-06-01", constraint, today, p)).toMatchObject({ ok: false, rule: "in_the_past" });
    expect(checkBookingDate("2025-09-01", constraint, today, p)).toMatchObject({
      ok: false,
      rule: "beyond_bookable_horizon",
      latest: "2025-08-31",
    });
  });
});
