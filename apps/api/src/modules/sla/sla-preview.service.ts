import { formatUtc, previewSla, toPause } from "@atende/domain";
import type { TSlaPreviewRequest } from "@atende/contracts";

export function previewDueDates(input: TSlaPreviewRequest): { due: Record<string, string> } {
  const due = previewSla({
    calendar: input.calendar,
    start: new Date(input.start),
    targets: input.targets,
    pauses: (input.pauses ?? []).map(toPause),
  });
  return { due: Object.fromEntries(Object.entries(due).map(([name, at]) => [name, formatUtc(at)])) };
}
