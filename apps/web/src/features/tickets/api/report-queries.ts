import { useQuery } from "@tanstack/react-query";
import { ZSlaReport } from "@atende/contracts";
import { apiFetch, withQuery } from "../../../lib/api-client";
import type { SlaReportParams } from "../lib/report-params";
import { deskKeys } from "./keys";

export function useSlaReport(params: SlaReportParams) {
  return useQuery({
    queryKey: deskKeys.slaReport(params),
    queryFn: ({ signal }) => apiFetch("/api/v1/reports/sla", { schema: ZSlaReport, query: params, signal }),
    staleTime: 60_000,
  });
}

/** The same report as CSV, downloaded by the browser through a plain link (the session cookie goes along). */
export function slaReportExportUrl(params: SlaReportParams): string {
  return withQuery("/api/v1/reports/sla/export", params);
}
