import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TMaintenanceWindow } from "@atende/contracts";
import { useBusinessUnitOptions } from "../../features/business-units/api/queries";
import { BusinessUnitSelect } from "../../features/business-units/components/business-unit-select";
import { useMaintenanceList } from "../../features/service-desk-admin/api/queries";
import { MaintenanceModal } from "../../features/service-desk-admin/components/maintenance/maintenance-modal";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";

export function MaintenanceRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["buId"] as const);
  const list = useMaintenanceList(filters);
  const units = useBusinessUnitOptions();
  const [creating, setCreating] = useState(false);
  const language = currentLanguage();

  const columns: Column<TMaintenanceWindow>[] = [
    {
      key: "kind",
      header: t("sdAdmin.maintenance.kind"),
      render: (w) => (
        <Badge variant="light" color={w.kind === "emergency" ? "orange" : "blue"}>
          {w.kind === "emergency" ? t("sdAdmin.maintenance.emergency") : t("sdAdmin.maintenance.scheduled")}
        </Badge>
      ),
    },
    {
      key: "title",
      header: t("sdAdmin.maintenance.titleField"),
      render: (w) => (
        <Stack gap={0}>
          <Text size="sm">{w.title}</Text>
          {w.product ? (
            <Text size="xs" c="dimmed">
              {w.product}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: "bu",
      header: t("sdAdmin.common.businessUnit"),
      render: (w) =>
        w.buId ? (units.data?.find((bu) => bu.id === w.buId)?.code ?? w.buId) : t("sdAdmin.common.allBusinessUnits"),
    },
    { key: "startsAt", header: t("sdAdmin.maintenance.startsAt"), render: (w) => formatDateTime(w.startsAt, language) },
    { key: "endsAt", header: t("sdAdmin.maintenance.endsAt"), render: (w) => formatDateTime(w.endsAt, language) },
    { key: "reason", header: t("sdAdmin.maintenance.reason"), render: (w) => w.reason ?? "" },
    {
      key: "announcedAt",
      header: t("sdAdmin.maintenance.announcedAt"),
      render: (w) => formatDateTime(w.announcedAt, language),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.maintenance")}
        description={t("sdAdmin.maintenance.description")}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="create-maintenance">
            {t("sdAdmin.maintenance.create")}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <BusinessUnitSelect
          label={t("sdAdmin.common.businessUnit")}
          placeholder={t("common.all")}
          value={filters.buId || null}
          onChange={(buId) => setFilters({ buId })}
          clearable
          w={260}
        />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t("sdAdmin.maintenance.timesInBrowser")}
      </Text>
      <DataTable
        caption={t("nav.admin.maintenance")}
        columns={columns}
        list={list}
        getRowId={(w) => w.id}
        emptyTitle={filters.buId ? t("common.noMatches") : t("sdAdmin.maintenance.empty")}
        emptyDescription={filters.buId ? t("common.noMatchesHint") : t("sdAdmin.maintenance.emptyHint")}
        testId="maintenance-table"
      />
      {creating ? <MaintenanceModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
