import { describe, expect, it } from "vitest";
import { lockEndsAt } from "./sign-in-error";

describe("lockEndsAt", () => {
  const now = new Date("2026-03-01T10:00:00.000Z");
  it("prefers Retry-After", () => {
    expect(lockEndsAt({ retryAfterSeconds: 90, detail: "" }, now)).toBe("2026-03-01T10:01:30.000Z");
  });
  it("falls back to the instant the detail names", () => {
    const detail = "too many failed sign-ins: the account is locked until 2026-03-01T10:15:00.000Z";
    expect(lockEndsAt({ retryAfterSeconds: null, detail }, now)).toBe("2026-03-01T10:15:00.000Z");
    expect(lockEndsAt({ retryAfterSeconds: null, detail: "locked" }, now)).toBeNull();
  });
});
