import { describe, expect, it } from "vitest";
import { formatInZone, isoToWallTime, nowToTheMinute, wallTimeToIso, zoneOffsetMs } from "./zoned-time";

describe("zoned time", () => {
  it("reads a wall-clock time in a zone", () => {
    expect(wallTimeToIso("2027-09-27T09:00", "Europe/Madrid")).toBe("2027-09-27T07:00:00Z");
    expect(wallTimeToIso("2027-01-15T09:00", "Europe/Madrid")).toBe("2027-01-15T08:00:00Z");
    expect(wallTimeToIso("2027-01-15T22:00", "America/Bogota")).toBe("2027-01-16T03:00:00Z");
    expect(wallTimeToIso("2027-01-15T09:00", "UTC")).toBe("2027-01-15T09:00:00Z");
    expect(wallTimeToIso("not a time", "UTC")).toBeNull();
  });

  it("moves a time skipped by DST forward and takes the first of a repeated one", () => {
    // Madrid 2027-03-28 02:00 -> 03:00; 2027-10-31 03:00 -> 02:00.
    expect(wallTimeToIso("2027-03-28T02:30", "Europe/Madrid")).toBe("2027-03-28T01:30:00Z");
    expect(wallTimeToIso("2027-10-31T02:30", "Europe/Madrid")).toBe("2027-10-31T00:30:00Z");
  });

  it("shows an instant as the zone's wall-clock time", () => {
    expect(isoToWallTime("2027-09-27T07:00:00Z", "Europe/Madrid")).toBe("2027-09-27T09:00");
    expect(isoToWallTime("2027-01-16T03:00:00Z", "America/Bogota")).toBe("2027-01-15T22:00");
    expect(isoToWallTime("nope", "UTC")).toBe("");
    for (const iso of ["2027-03-28T00:59:00Z", "2027-06-01T12:34:00Z", "2027-12-31T23:00:00Z"]) {
      expect(wallTimeToIso(isoToWallTime(iso, "Europe/Madrid"), "Europe/Madrid")).toBe(iso);
    }
  });

  it("knows the offset and drops seconds from now", () => {
    expect(zoneOffsetMs(Date.parse("2027-07-01T00:00:00Z"), "Europe/Madrid")).toBe(2 * 3_600_000);
    expect(nowToTheMinute(new Date("2027-07-01T10:11:12.345Z"))).toBe("2027-07-01T10:11:00Z");
  });

  it("formats in the zone, not the browser's", () => {
    expect(formatInZone("2027-09-27T19:00:00Z", "en", "Europe/Madrid")).toContain("21:00");
    expect(formatInZone("2027-09-27T19:00:00Z", "en", "UTC")).toContain("19:00");
  });
});
