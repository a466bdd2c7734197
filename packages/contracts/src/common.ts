import { z } from "zod";

export const ZUuid = z.uuid();
export const ZIdParams = z.strictObject({ id: z.uuid() });
export const ZName = z.string().trim().min(1).max(200);
export const ZCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, '-' and '_' only");
export const ZVersion = z.number().int().min(1);
export const ZIsoDateTime = z.iso.datetime({ offset: true });
export const ZEmail = z.email().max(254);
export const ZOk = z.object({ ok: z.literal(true) });

/** A boolean query parameter: only "true" or "false" (z.coerce.boolean would read "false" as true). */
export const ZQueryBoolean = z.enum(["true", "false"]).transform((v) => v === "true");

export const ZIdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("Repeating a creating request with the same key returns the first response instead of creating twice"),
});
