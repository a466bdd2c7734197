import { Button, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TAuditEntry } from "@atende/contracts";
import { useCan } from "../../features/auth/components/current-user";
import { auditExportUrl, useAuditList } from "../../features/audit/api/queries";
import { AuditDetails } from "../../features/audit/components/audit-details";
import { AuditFilters } from "../../features/audit/components/audit-filters";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";

const FILTER_KEYS = ["userId", "action", "module", "from", "to"] as const;

export function AuditRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const list = useAuditList(filters);
  const canListUsers = useCan("tenant.users.manage");
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const language = currentLanguage();
  const filtered = Object.values(filters).some(Boolean);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<TAuditEntry>[] = [
    { key: "at", header: t("audit.columns.when"), render: (entry) => formatDateTime(entry.at, language) },
    { key: "actor", header: t("audit.columns.actor"), render: (entry) => entry.actorLabel },
    { key: "action", header: t("audit.columns.action"), render: (entry) => <code>{entry.action}</code> },
    { key: "module", header: t("audit.columns.module"), render: (entry) => entry.module },
    {
      key: "entity",
      header: t("audit.columns.entity"),
      render: (entry) => [entry.entityType, entry.entityId].filter(Boolean).join(" ") || "—",
    },
    {
      key: "outcome",
      header: t("audit.columns.outcome"),
      render: (entry) => (
        <Text span size="sm" fw={600} c={entry.outcome === "success" ? "teal" : "red"}>
          {entry.outcome}
        </Text>
      ),
    },
    {
      key: "details",
      header: t("audit.columns.details"),
      render: (entry) => {
        const open = expanded.has(entry.id);
        return (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => toggle(entry.id)}
            aria-expanded={open}
            aria-controls={`audit-details-${entry.id}`}
          >
            {open ? t("audit.hideDetails") : t("audit.showDetails")}
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.audit")}
        description={t("audit.description")}
        actions={
          <Button component="a" href={auditExportUrl(filters)} download variant="default" data-testid="audit-export">
            {t("audit.export")}
          </Button>
        }
      />
      <AuditFilters filters={filters} onChange={setFilters} canListUsers={canListUsers} />
      <DataTable
        caption={t("nav.admin.audit")}
        columns={columns}
        list={list}
        getRowId={(entry) => entry.id}
        emptyTitle={filtered ? t("common.noMatches") : t("audit.empty")}
        emptyDescription={filtered ? t("common.noMatchesHint") : undefined}
        expanded={(entry) =>
          expanded.has(entry.id) ? (
            <div id={`audit-details-${entry.id}`}>
              <AuditDetails entry={entry} />
            </div>
          ) : null
        }
        testId="audit-table"
      />
    </>
  );
}
