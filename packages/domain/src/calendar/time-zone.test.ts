import { describe, expect, it } from "vitest";
import { isValidTimeZone, zTimeZone } from "./time-zone";

describe("time zones", () => {
  it("recognises IANA zones", () => {
    for (const tz of ["Europe/Madrid", "Europe/Lisbon", "Atlantic/Canary", "UTC"]) {
      expect(isValidTimeZone(tz)).toBe(true);
    }
    for (const tz of ["Mars/Olympus", "", "Europe/Nowhere", "+25:00"]) expect(isValidTimeZone(tz)).toBe(false);
  });

  it("zTimeZone explains what is expected", () => {
    expect(zTimeZone.parse("Europe/Madrid")).toBe("Europe/Madrid");
    const result = zTimeZone.safeParse("Madrid");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("must be an IANA time zone such as Europe/Madrid");
    expect(zTimeZone.safeParse("x".repeat(65)).success).toBe(false);
  });
});
