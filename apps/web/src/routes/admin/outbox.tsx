import { Badge, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ZOutboxListQuery, type TOutboxItem } from "@atende/contracts";
import { useOutboxList } from "../../features/service-desk-admin/api/queries";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { dynamicKey } from "../../lib/i18n-keys";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";

const OUTBOX_STATUSES = ZOutboxListQuery.shape.status.unwrap().options;
const STATUS_COLOR: Record<string, string> = { pending: "gray", sending: "blue", sent: "teal", failed: "red" };

export function OutboxRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["status"] as const);
  const list = useOutboxList(filters);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const language = currentLanguage();
  const statusLabel = (status: string) => t(dynamicKey(`sdAdmin.outbox.statuses.${status}`), { defaultValue: status });
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<TOutboxItem>[] = [
    { key: "createdAt", header: t("common.createdAt"), render: (o) => formatDateTime(o.createdAt, language) },
    { key: "kind", header: t("sdAdmin.outbox.kind"), render: (o) => <code>{o.kind}</code> },
    {
      key: "message",
      header: t("sdAdmin.outbox.message"),
      render: (o) => (
        <Stack gap={0}>
          <Text size="sm">{o.subject ?? "—"}</Text>
          <Text size="xs" c="dimmed">
            {o.to ?? ""}
          </Text>
        </Stack>
      ),
    },
    {
      key: "status",
      header: t("sdAdmin.common.status"),
      render: (o) => (
        <Badge variant="light" color={STATUS_COLOR[o.status] ?? "gray"}>
          {statusLabel(o.status)}
        </Badge>
      ),
    },
    { key: "attempts", header: t("sdAdmin.outbox.attempts"), render: (o) => o.attempts },
    {
      key: "sentAt",
      header: t("sdAdmin.outbox.sentAt"),
      render: (o) => (o.sentAt ? formatDateTime(o.sentAt, language) : "—"),
    },
    {
      key: "error",
      header: t("sdAdmin.outbox.lastError"),
      render: (o) =>
        o.lastError ? (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => toggle(o.id)}
            aria-expanded={expanded.has(o.id)}
            aria-controls={`outbox-error-${o.id}`}
          >
            {expanded.has(o.id) ? t("sdAdmin.outbox.hideError") : t("sdAdmin.outbox.showError")}
          </Button>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t("nav.admin.outbox")} description={t("sdAdmin.outbox.description")} />
      <Group mb="md" align="flex-end">
        <Select
          label={t("sdAdmin.common.status")}
          placeholder={t("common.all")}
          data={OUTBOX_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))}
          value={filters.status || null}
          onChange={(status) => setFilters({ status })}
          clearable
          w={220}
          data-testid="outbox-status"
        />
        <Button variant="default" onClick={list.refetch}>
          {t("actions.reload")}
        </Button>
      </Group>
      <DataTable
        caption={t("nav.admin.outbox")}
        columns={columns}
        list={list}
        getRowId={(o) => o.id}
        emptyTitle={filters.status ? t("common.noMatches") : t("sdAdmin.outbox.empty")}
        emptyDescription={filters.status ? t("common.noMatchesHint") : undefined}
        expanded={(o) =>
          o.lastError && expanded.has(o.id) ? (
            <Text id={`outbox-error-${o.id}`} size="sm" c="red" style={{ whiteSpace: "pre-wrap" }}>
              {o.lastError}
            </Text>
          ) : null
        }
        testId="outbox-table"
      />
    </>
  );
}
