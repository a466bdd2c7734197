import { describe, expect, it } from "vitest";
import { complianceColor, toReportParams } from "./report-params";

describe("toReportParams", () => {
  it("defaults to the resolution clock without a window", () => {
    expect(toReportParams({ from: "", to: "", clock: "" })).toEqual({ clock: "resolution" });
  });

  it("turns days into a window that includes the whole last day", () => {
    const params = toReportParams({ from: "2026-03-01", to: "2026-03-31", clock: "first_response" });
    expect(params.clock).toBe("first_response");
    expect(new Date(params.from ?? "").getDate()).toBe(1);
    expect(new Date(params.to ?? "").getMonth()).toBe(3);
    expect(new Date(params.to ?? "").getDate()).toBe(1);
  });

  it("ignores malformed days and a reversed window's end", () => {
    expect(toReportParams({ from: "March", to: "", clock: "x" })).toEqual({ clock: "resolution" });
    const reversed = toReportParams({ from: "2026-03-10", to: "2026-03-01", clock: "" });
    expect(reversed.to).toBeUndefined();
    expect(reversed.from).toBeDefined();
  });
});

describe("complianceColor", () => {
  it("is green from 90 %, orange from 75 %, red below and grey without data", () => {
    expect(complianceColor(90)).toContain("green");
    expect(complianceColor(75)).toContain("orange");
    expect(complianceColor(74.9)).toContain("red");
    expect(complianceColor(null)).toContain("gray");
  });
});
