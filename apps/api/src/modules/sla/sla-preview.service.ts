import { formatUtc, previewSla, SLA_HORIZON_YEARS, toPause, withinHorizon } from "@atende/domain";
import { AppError } from "../../errors";
import type { TSlaPreviewRequest } from "@atende/contracts";

export function previewDueDates(input: TSlaPreviewRequest): { due: Record<string, string> } {
  const tooFar = input.targets.findIndex((t) => !withinHorizon(input.calendar, t));
  if (tooFar >= 0) {
    throw new AppError("RULE_VIOLATION", {
      detail: `targets.${tooFar}: the due date would lie more than ${SLA_HORIZON_YEARS} years of business time ahead on this calendar`,
      fields: [{ path: `body.targets.${tooFar}`, message: `beyond the ${SLA_HORIZON_YEARS}-year horizon` }],
    });
  }
  const due = previewSla({
    calendar: input.calendar,
    start: new Date(input.start),
    targets: input.targets,
    pauses: (input.pauses ?? []).map(toPause),
  });
  return { due: Object.fromEntries(Object.entries(due).map(([name, at]) => [name, formatUtc(at)])) };
}
