import { z } from "zod";
import { ZCalendar, ZPause, ZSlaTarget } from "@atende/domain";

export const ZSlaPreviewRequest = z
  .strictObject({
    calendar: ZCalendar,
    start: z.iso
      .datetime({ offset: true, error: "must be an ISO date-time with offset, such as 2027-09-27T09:00:00Z" })
      .refine(
        (s) => Date.parse(s) >= Date.UTC(1970, 0, 1) && Date.parse(s) < Date.UTC(2200, 0, 1),
        "must be between 1970 and 2200",
      ),
    targets: z.array(ZSlaTarget).min(1).max(50),
    pauses: z.array(ZPause).max(500).optional(),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.targets.forEach((t, i) => {
      if (!/^[A-Za-z][A-Za-z0-9 _.-]*$/.test(t.name)) {
        ctx.addIssue({
          code: "custom",
          message: "start with a letter; letters, digits, space, '_', '.', '-'",
          path: ["targets", i, "name"],
        });
      }
      if (seen.has(t.name))
        ctx.addIssue({ code: "custom", message: "target names must be unique", path: ["targets", i, "name"] });
      seen.add(t.name);
    });
  });
export type TSlaPreviewRequest = z.infer<typeof ZSlaPreviewRequest>;

export const ZSlaPreviewResponse = z.object({
  /** Each target's due instant in UTC with seconds and Z, e.g. "2027-09-27T19:00:00Z". */
  due: z.record(z.string(), z.string()),
});
