import { describe, expect, it } from "vitest";
import { currencyDigits, decimalToMinor, minorToDecimal } from "./money";

describe("money minor <-> decimal", () => {
  it("knows the precision of each currency", () => {
    expect(currencyDigits("EUR")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("BHD")).toBe(3);
  });

  it("converts minor units to a decimal amount and back", () => {
    expect(minorToDecimal(100_000, "EUR")).toBe(1000);
    expect(decimalToMinor(1000, "EUR")).toBe(100_000);
    expect(minorToDecimal(1500, "JPY")).toBe(1500);
    expect(decimalToMinor(12.345, "BHD")).toBe(12_345);
  });

  it("absorbs binary representation error", () => {
    expect(decimalToMinor(1.15, "EUR")).toBe(115);
    expect(decimalToMinor(0.29, "EUR")).toBe(29);
    for (let minor = 0; minor < 2000; minor += 7)
      expect(decimalToMinor(minorToDecimal(minor, "EUR"), "EUR")).toBe(minor);
  });

  it("falls back to two digits for an unknown code", () => {
    expect(currencyDigits("not a currency")).toBe(2);
  });
});
