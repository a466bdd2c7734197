import { IANAZone } from "luxon";
import { z } from "zod";

export function isValidTimeZone(tz: string): boolean {
  return IANAZone.isValidZone(tz);
}

export const zTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { error: "must be an IANA time zone such as Europe/Madrid" });
