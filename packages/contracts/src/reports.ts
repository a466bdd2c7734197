import { z } from "zod";

export const ZSlaReportQuery = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    clock: z.enum(["first_response", "resolution"]).default("resolution"),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: "from must not be after to",
    path: ["from"],
  });
export type TSlaReportQuery = z.infer<typeof ZSlaReportQuery>;

const ZCompliance = z.object({
  key: z.string(),
  label: z.string(),
  met: z.number().int(),
  breached: z.number().int(),
  percent: z.number().nullable(),
});
const ZBucket = z.object({ bucket: z.string(), count: z.number().int() });

export const ZSlaReport = z.object({
  clock: z.enum(["first_response", "resolution"]),
  byPriority: z.array(ZCompliance),
  byGroup: z.array(ZCompliance),
  byMonth: z.array(ZCompliance),
  backlogAging: z.array(ZBucket),
  firstResponseMinutes: z.array(ZBucket),
  resolutionHours: z.array(ZBucket),
});
export type TSlaReport = z.infer<typeof ZSlaReport>;
