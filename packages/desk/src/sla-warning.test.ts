import { describe, expect, it } from "vitest";
import { warningVerdict } from "./sla-warning";

const at = (iso: string) => new Date(iso);
const running = (warnAt: string | null, warnedAt: string | null = null) => ({
  status: "running",
  warnAt: warnAt ? at(warnAt) : null,
  warnedAt: warnedAt ? at(warnedAt) : null,
});

describe("warningVerdict", () => {
  const now = at("2027-03-01T10:00:00Z");

  it("warns a running clock whose warn instant has come, dated no earlier than that instant", () => {
    expect(warningVerdict(running("2027-03-01T09:59:00Z"), now)).toEqual({ action: "warn", warnedAt: now });
    // A timer may fire up to the skew early: the warning still carries the warn instant itself.
    expect(warningVerdict(running("2027-03-01T10:00:00.800Z"), now)).toEqual({
      action: "warn",
      warnedAt: at("2027-03-01T10:00:00.800Z"),
    });
  });

  it("leaves alone a missing, stopped, paused or unplanned clock", () => {
    expect(warningVerdict(null, now)).toEqual({ action: "none" });
    for (const status of ["met", "paused", "breached"])
      expect(warningVerdict({ ...running("2027-03-01T09:00:00Z"), status }, now)).toEqual({ action: "none" });
    expect(warningVerdict(running(null), now)).toEqual({ action: "none" });
  });

  it("warns once per plan: an earlier plan's warning does not count, the current one does", () => {
    expect(warningVerdict(running("2027-03-01T09:30:00Z", "2027-03-01T09:30:00Z"), now)).toEqual({ action: "none" });
    expect(warningVerdict(running("2027-03-01T09:30:00Z", "2027-03-01T09:00:00Z"), now)).toEqual({
      action: "warn",
      warnedAt: now,
    });
  });

  it("fires again at the warn instant when the timer came more than the skew before it", () => {
    expect(warningVerdict(running("2027-03-01T10:05:00Z"), now)).toEqual({
      action: "rearm",
      at: at("2027-03-01T10:05:00Z"),
    });
  });
});
