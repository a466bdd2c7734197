import { z } from "zod";

export const LOCALES = ["en", "es", "pt"] as const;

export type Locale = (typeof LOCALES)[number];

export const zLocale = z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(", ")}` });

export const zCountry = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 country code such as ES" });

export const zCurrency = z.string().regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 currency code such as EUR" });
