import { describe, expect, it } from "vitest";
import { BU_PARAMETER_KEYS, defaultBuParameters, ZBuParameters } from "@atende/domain";
import {
  fromFormValues,
  hasChanges,
  numberFromInput,
  parseHourList,
  PARAMETER_GROUPS,
  sortDays,
  toFormValues,
} from "./parameter-form";

describe("parameter form", () => {
  it("shows every parameter exactly once", () => {
    const shown = PARAMETER_GROUPS.flatMap((group) => [...group.parameters]);
    expect([...shown].sort()).toEqual([...BU_PARAMETER_KEYS].sort());
    expect(new Set(shown).size).toBe(shown.length);
  });

  it("round-trips a parameter set through the form unchanged", () => {
    for (const country of ["ES", "PT", "FR"]) {
      const saved = defaultBuParameters(country);
      const candidate = fromFormValues(toFormValues(saved, "EUR"), "EUR");
      expect(ZBuParameters.parse(candidate)).toEqual(saved);
      expect(hasChanges(candidate, saved)).toBe(false);
    }
  });

  it("shows money in major units and saves minor units", () => {
    const saved = defaultBuParameters("ES");
    const values = toFormValues(saved, "EUR");
    expect(values.extraCostMaximumMinor).toBe(1000);
    const candidate = fromFormValues({ ...values, extraCostMaximumMinor: "1250.50" }, "EUR");
    expect(candidate.extraCostMaximumMinor).toBe(125_050);
    expect(hasChanges(candidate, saved)).toBe(true);
  });

  it("edits the alert hours as a comma list", () => {
    const values = toFormValues(defaultBuParameters("ES"), "EUR");
    expect(values.lateCheckoutAlertHours).toBe("48, 168");
    expect(fromFormValues({ ...values, lateCheckoutAlertHours: "24, 48 336" }, "EUR").lateCheckoutAlertHours).toEqual([
      24, 48, 336,
    ]);
    expect(parseHourList("12,x")).toEqual([12, "x"]);
  });

  it("treats the window's days as a set in week order", () => {
    const saved = defaultBuParameters("ES");
    const values = toFormValues(saved, "EUR");
    const shuffled = {
      ...values,
      contractSendWindow: { ...values.contractSendWindow, days: ["fri", "mon", "wed", "thu", "tue"] },
    };
    expect(hasChanges(fromFormValues(shuffled, "EUR"), saved)).toBe(false);
    expect(sortDays(["sun", "mon", "sat"])).toEqual(["mon", "sat", "sun"]);
  });

  it("keeps what is not a number so validation names the field rather than defaulting it", () => {
    expect(numberFromInput("")).toBeNull();
    expect(numberFromInput(" 12 ")).toBe(12);
    expect(numberFromInput("1e")).toBe("1e");
    const values = toFormValues(defaultBuParameters("ES"), "EUR");
    const result = ZBuParameters.safeParse(fromFormValues({ ...values, orderBufferHours: "" }, "EUR"));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["orderBufferHours"]);
  });

  it("reports an out-of-range value on its field", () => {
    const values = toFormValues(defaultBuParameters("ES"), "EUR");
    const result = ZBuParameters.safeParse(fromFormValues({ ...values, automaticAssignmentAttempts: 6 }, "EUR"));
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["automaticAssignmentAttempts"]);
  });
});
