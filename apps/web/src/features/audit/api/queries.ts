import { pageOf, ZAuditEntry } from "@atende/contracts";
import { apiFetch, withQuery } from "../../../lib/api-client";
import { usePagedList } from "../../../lib/paged-list";
import { auditKeys, type AuditFilters } from "./keys";

const ZAuditPage = pageOf(ZAuditEntry);

export function useAuditList(filters: AuditFilters) {
  return usePagedList({
    queryKey: auditKeys.list(filters),
    fetchPage: (cursor, signal) =>
      apiFetch("/api/v1/audit", { schema: ZAuditPage, query: { ...filters, cursor, limit: 50 }, signal }),
  });
}

/** The CSV export of the same filters, downloaded by the browser through a plain link (the session cookie goes along). */
export function auditExportUrl(filters: AuditFilters): string {
  return withQuery("/api/v1/audit/export", filters);
}
