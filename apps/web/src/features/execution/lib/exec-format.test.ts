import { describe, expect, it } from "vitest";
import { ageParts, dayOf, durationParts, formatBytes, formatDay, svgDataUrl } from "./exec-format";

describe("durationParts", () => {
  it("splits minutes into hours and minutes", () => {
    expect(durationParts(150)).toEqual({ hours: 2, minutes: 30 });
    expect(durationParts(45)).toEqual({ hours: 0, minutes: 45 });
    expect(durationParts(120)).toEqual({ hours: 2, minutes: 0 });
    expect(durationParts(-5)).toEqual({ hours: 0, minutes: 0 });
  });
});

describe("ageParts", () => {
  it("counts hours under two days and days from then on", () => {
    expect(ageParts(0.5)).toEqual({ unit: "hours", value: 0 });
    expect(ageParts(47.9)).toEqual({ unit: "hours", value: 47 });
    expect(ageParts(48)).toEqual({ unit: "days", value: 2 });
    expect(ageParts(100)).toEqual({ unit: "days", value: 4 });
    expect(ageParts(-3)).toEqual({ unit: "hours", value: 0 });
  });
});

describe("formatDay", () => {
  it("keeps a calendar date on its day whatever the time zone", () => {
    expect(formatDay("2027-03-15", "en")).toBe("Mar 15, 2027");
    expect(formatDay("2027-01-01", "es")).toMatch(/^1 ene 2027$/);
  });

  it("formats date-times and passes through what it cannot read", () => {
    expect(formatDay("2027-03-15T10:00:00Z", "en")).toContain("2027");
    expect(formatDay("soon", "en")).toBe("soon");
    expect(formatDay(null, "en")).toBe("");
  });
});

describe("dayOf / formatBytes", () => {
  it("cuts a date-time to its day and sizes files", () => {
    expect(dayOf("2027-03-15T10:00:00Z")).toBe("2027-03-15");
    expect(dayOf("2027-03-15")).toBe("2027-03-15");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});

describe("svgDataUrl", () => {
  it("encodes the markup into an image source", () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    expect(url.startsWith("data:image/svg+xml;utf8,%3Csvg")).toBe(true);
    expect(url).not.toContain("<");
    expect(url).not.toContain('"');
  });
});
