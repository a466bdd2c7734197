import { describe, expect, it } from "vitest";
import { clockState, dueTone, formatDuration, msUntil } from "./countdown";

const NOW = Date.parse("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe("formatDuration", () => {
  it("shows the two largest units, zero-padding the second", () => {
    expect(formatDuration(12_400)).toBe("12s");
    expect(formatDuration((4 * 60 + 9) * 1000)).toBe("4m 09s");
    expect(formatDuration((65 * 60 + 59) * 1000)).toBe("1h 05m");
    expect(formatDuration((2 * 24 * 60 + 3 * 60 + 30) * 60_000)).toBe("2d 03h");
  });

  it("ignores the sign and rounds towards zero", () => {
    expect(formatDuration(-90_999)).toBe("1m 30s");
    expect(formatDuration(999)).toBe("0s");
  });
});

describe("dueTone", () => {
  it("is green far from the due instant, orange within two hours, red when past", () => {
    expect(dueTone(at(121), false, NOW)).toBe("ok");
    expect(dueTone(at(120), false, NOW)).toBe("soon");
    expect(dueTone(at(1), false, NOW)).toBe("soon");
    expect(dueTone(at(-1), false, NOW)).toBe("overdue");
  });

  it("is red whenever the ticket is flagged breached, and neutral without a due instant", () => {
    expect(dueTone(at(600), true, NOW)).toBe("overdue");
    expect(dueTone(null, false, NOW)).toBe("none");
    expect(dueTone(null, true, NOW)).toBe("overdue");
  });
});

describe("clockState", () => {
  const running = { status: "running" as const, warnAt: at(30), dueAt: at(60) };

  it("warns from warnAt and shows a breach from dueAt before the server marks it", () => {
    expect(clockState(running, NOW)).toBe("running");
    expect(clockState(running, NOW + 30 * 60_000)).toBe("warning");
    expect(clockState(running, NOW + 60 * 60_000)).toBe("breached");
  });

  it("keeps the server's state for clocks that are not running", () => {
    expect(clockState({ ...running, status: "paused" }, NOW + 90 * 60_000)).toBe("paused");
    expect(clockState({ ...running, status: "met" }, NOW + 90 * 60_000)).toBe("met");
    expect(clockState({ ...running, status: "breached" }, NOW)).toBe("breached");
  });

  it("runs without warning when the clock has no warning instant", () => {
    expect(clockState({ status: "running", warnAt: null, dueAt: at(5) }, NOW)).toBe("running");
  });
});

describe("msUntil", () => {
  it("is negative once past and null without an instant", () => {
    expect(msUntil(at(-2), NOW)).toBe(-120_000);
    expect(msUntil(null, NOW)).toBeNull();
    expect(msUntil("not a date", NOW)).toBeNull();
  });
});
