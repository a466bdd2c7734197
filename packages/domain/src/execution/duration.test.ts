import { describe, expect, it } from "vitest";
import { ZBuParameters } from "../parameters/bu-parameters";
import { MAX_DURATION_MINUTES, checkDurationChange } from "./duration";

const params = ZBuParameters.parse({});

const check = (actor: "operator" | "seller", originalMinutes: number, requestedMinutes: number) =>
  checkDurationChange({ actor, originalMinutes, requestedMinutes, params });

describe("checkDurationChange", () => {
  it("lets a seller go down to two thirds of the original, never above it", () => {
    expect(check("seller", 90, 60)).toEqual({ ok: true });
    expect(check("seller", 90, 90)).toEqual({ ok: true });
    expect(check("seller", 90, 59)).toMatchObject({ ok: false, rule: "below_seller_minimum", minimum: 60 });
    expect(check("seller", 100, 66)).toMatchObject({ ok: false, rule: "below_seller_minimum", minimum: 67 });
    expect(check("seller", 90, 95)).toMatchObject({ ok: false, rule: "above_original", maximum: 90 });
  });

  it("follows the BU ratio", () => {
    const half = ZBuParameters.parse({ sellerMinimumDurationRatio: 0.5 });
    expect(checkDurationChange({ actor: "seller", originalMinutes: 120, requestedMinutes: 60, params: half })).toEqual({
      ok: true,
    });
  });

  it("lets an operator set anything from 15 minutes to two weeks", () => {
    expect(check("operator", 90, 15)).toEqual({ ok: true });
    expect(check("operator", 90, 17)).toEqual({ ok: true });
    expect(check("operator", 90, MAX_DURATION_MINUTES)).toEqual({ ok: true });
    expect(check("operator", 90, 14)).toMatchObject({ ok: false, rule: "out_of_range", minimum: 15 });
    expect(check("operator", 90, MAX_DURATION_MINUTES + 1)).toMatchObject({ ok: false, rule: "out_of_range" });
    expect(check("operator", 90, 30.5)).toMatchObject({ ok: false, rule: "out_of_range" });
    expect(check("seller", 20, 14)).toMatchObject({ ok: false, rule: "out_of_range" });
  });
});
