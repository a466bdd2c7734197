import { describe, expect, it } from "vitest";
import { LOCALES, zCountry, zCurrency, zLocale } from "./locale";

describe("locale, country and currency", () => {
  it("accepts the supported locales only", () => {
    for (const locale of LOCALES) expect(zLocale.safeParse(locale).success).toBe(true);
    expect(zLocale.safeParse("fr").success).toBe(false);
  });

  it("country is two uppercase letters", () => {
    expect(zCountry.safeParse("ES").success).toBe(true);
    for (const bad of ["es", "ESP", "E", "", "E1"]) expect(zCountry.safeParse(bad).success).toBe(false);
    expect(zCountry.safeParse("es").error?.issues[0]?.message).toMatch(/ISO 3166/);
  });

  it("currency is three uppercase letters", () => {
    expect(zCurrency.safeParse("EUR").success).toBe(true);
    for (const bad of ["eur", "EU", "EURO", ""]) expect(zCurrency.safeParse(bad).success).toBe(false);
    expect(zCurrency.safeParse("eur").error?.issues[0]?.message).toMatch(/ISO 4217/);
  });
});
