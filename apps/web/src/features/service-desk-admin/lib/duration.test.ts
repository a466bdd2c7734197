import { describe, expect, it } from "vitest";
import { durationSignature, parseDurationInput, sameDuration, toDurationInput } from "./duration";

describe("duration <-> number + unit", () => {
  it("shows whole hours as hours and other minute counts as minutes", () => {
    expect(toDurationInput({ minutes: 120 })).toEqual({ value: 2, unit: "hours" });
    expect(toDurationInput({ minutes: 90 })).toEqual({ value: 90, unit: "minutes" });
    expect(toDurationInput({ minutes: 10 })).toEqual({ value: 10, unit: "minutes" });
    expect(toDurationInput({ businessDays: 3 })).toEqual({ value: 3, unit: "businessDays" });
    expect(toDurationInput(undefined)).toEqual({ value: "", unit: "minutes" });
    expect(toDurationInput(null, "hours")).toEqual({ value: "", unit: "hours" });
  });

  it("reads an input back into the API's duration", () => {
    expect(parseDurationInput({ value: 240, unit: "minutes" })).toEqual({ ok: true, duration: { minutes: 240 } });
    expect(parseDurationInput({ value: "4", unit: "hours" })).toEqual({ ok: true, duration: { minutes: 240 } });
    expect(parseDurationInput({ value: "1,5", unit: "hours" })).toEqual({ ok: true, duration: { minutes: 90 } });
    expect(parseDurationInput({ value: 2, unit: "businessDays" })).toEqual({ ok: true, duration: { businessDays: 2 } });
    expect(parseDurationInput({ value: "  ", unit: "hours" })).toEqual({ ok: true, duration: null });
  });

  it("round-trips every stored duration", () => {
    for (const duration of [
      { minutes: 1 },
      { minutes: 60 },
      { minutes: 61 },
      { minutes: 1440 },
      { minutes: 525_600 },
      { businessDays: 365 },
    ]) {
      const parsed = parseDurationInput(toDurationInput(duration));
      expect(parsed.ok && sameDuration(parsed.duration, duration), JSON.stringify(duration)).toBe(true);
    }
  });

  it("names what cannot be saved", () => {
    expect(parseDurationInput({ value: "abc", unit: "minutes" })).toEqual({ ok: false, problem: "notANumber" });
    expect(parseDurationInput({ value: 0, unit: "minutes" })).toEqual({ ok: false, problem: "notPositive" });
    expect(parseDurationInput({ value: -2, unit: "hours" })).toEqual({ ok: false, problem: "notPositive" });
    expect(parseDurationInput({ value: 1.5, unit: "minutes" })).toEqual({ ok: false, problem: "notWhole" });
    expect(parseDurationInput({ value: 1.01, unit: "hours" })).toEqual({ ok: false, problem: "notWhole" });
    expect(parseDurationInput({ value: 1.5, unit: "businessDays" })).toEqual({ ok: false, problem: "notWhole" });
    expect(parseDurationInput({ value: 525_601, unit: "minutes" })).toEqual({ ok: false, problem: "tooLarge" });
    expect(parseDurationInput({ value: 8761, unit: "hours" })).toEqual({ ok: false, problem: "tooLarge" });
    expect(parseDurationInput({ value: 366, unit: "businessDays" })).toEqual({ ok: false, problem: "tooLarge" });
  });

  it("treats 2 hours and 120 minutes as the same target", () => {
    expect(durationSignature({ value: 2, unit: "hours" })).toBe(durationSignature({ value: "120", unit: "minutes" }));
    expect(durationSignature({ value: 2, unit: "businessDays" })).not.toBe(
      durationSignature({ value: 2, unit: "hours" }),
    );
    expect(durationSignature({ value: "x", unit: "hours" })).not.toBe(durationSignature({ value: "", unit: "hours" }));
  });
});
