import { z } from "zod";
import { ZBuParameters } from "@atende/domain";

export const ZBuParameterSet = z.object({
  buId: z.uuid(),
  version: z.number().int(),
  parameters: ZBuParameters,
  changedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export type TBuParameterSet = z.infer<typeof ZBuParameterSet>;

export const ZUpdateBuParametersRequest = z.strictObject({
  /** The version being edited (0 when the BU has never saved one): a newer one makes the write stale (409). */
  version: z.number().int().min(0),
  parameters: ZBuParameters,
  comment: z.string().trim().max(500).optional(),
});
export type TUpdateBuParametersRequest = z.input<typeof ZUpdateBuParametersRequest>;

export const ZParameterChange = z.object({ key: z.string(), before: z.unknown(), after: z.unknown() });
export const ZBuParameterVersion = ZBuParameterSet.omit({ parameters: true }).extend({
  changes: z.array(ZParameterChange),
});
export const ZBuParameterHistory = z.object({ items: z.array(ZBuParameterVersion) });
