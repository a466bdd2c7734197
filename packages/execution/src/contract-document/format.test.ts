import { describe, expect, test } from "vitest";
import {
  formatDateTime,
  formatDuration,
  formatPlainDate,
  formatQuantity,
  lineAmountMinor,
  moneyFormatter,
} from "./format";

// Intl separates amount and symbol with no-break spaces; compare on plain spaces.
const plain = (text: string) => text.replace(/\s/g, " ");

describe("moneyFormatter", () => {
  test("formats minor units per locale", () => {
    expect(plain(moneyFormatter("es", "EUR").format(123_456))).toBe("1234,56 €");
    expect(plain(moneyFormatter("pt", "BRL").format(123_456))).toBe("R$ 1.234,56");
    expect(moneyFormatter("en", "USD").format(123_456)).toBe("$1,234.56");
  });

  test("respects the currency's exponent", () => {
    expect(moneyFormatter("en", "JPY").format(1500)).toBe("¥1,500");
    expect(plain(moneyFormatter("en", "BHD").format(1500))).toBe("BHD 1.500");
  });

  test("rejects an unknown currency code", () => {
    expect(() => moneyFormatter("en", "EURO")).toThrow(RangeError);
  });
});

test("lineAmountMinor rounds fractional quantities to whole minor units", () => {
  expect(lineAmountMinor(2.5, 2_250)).toBe(5_625);
  expect(lineAmountMinor(1 / 3, 100)).toBe(33);
});

test("formatQuantity uses the locale's decimal separator", () => {
  expect(formatQuantity("es", 2.5)).toBe("2,5");
  expect(formatQuantity("en", 1234)).toBe("1,234");
});

describe("dates", () => {
  test("formatDateTime shows the instant in the given time zone and names the zone", () => {
    const instant = new Date("2025-03-14T23:30:00Z");
    expect(plain(formatDateTime("en", instant, "Europe/Madrid"))).toContain("March 15, 2025");
    expect(formatDateTime("en", instant, "Europe/Madrid")).toContain("(Europe/Madrid)");
    expect(formatDateTime("pt", instant, "America/Sao_Paulo")).toContain("14 de março de 2025");
  });

  test("formatPlainDate never shifts the calendar day", () => {
    expect(formatPlainDate("en", "2025-04-02")).toBe("April 2, 2025");
    expect(formatPlainDate("es", "2025-12-31")).toBe("31 de diciembre de 2025");
  });

  test("formatPlainDate returns anything that is not a real YYYY-MM-DD date unchanged", () => {
    expect(formatPlainDate("en", "2025-02-30")).toBe("2025-02-30");
    expect(formatPlainDate("en", "soon")).toBe("soon");
  });
});

test("formatDuration", () => {
  expect(formatDuration(45)).toBe("45 min");
  expect(formatDuration(120)).toBe("2 h");
  expect(formatDuration(150)).toBe("2 h 30 min");
  expect(formatDuration(-5)).toBe("0 min");
});
