import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TCatalogueItem } from "@atende/contracts";
import { useBusinessUnitOptions } from "../../features/business-units/api/queries";
import { useCalendarOptions, useCatalogueList } from "../../features/service-desk-admin/api/queries";
import { CatalogueItemModal } from "../../features/service-desk-admin/components/catalogue/catalogue-item-modal";
import { useSdLabels } from "../../features/service-desk-admin/components/shared/use-sd-labels";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";
import { SearchInput } from "../../ui/search-input";

type Editing = { item: TCatalogueItem | null } | null;

export function CatalogueRoute() {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const [filters, setFilters] = useUrlFilters(["q"] as const);
  const list = useCatalogueList({ q: filters.q, buId: "" });
  const calendars = useCalendarOptions();
  const units = useBusinessUnitOptions();
  const [editing, setEditing] = useState<Editing>(null);

  const columns: Column<TCatalogueItem>[] = [
    {
      key: "name",
      header: t("sdAdmin.common.name"),
      render: (item) => (
        <Stack gap={0}>
          <Text size="sm">{item.name}</Text>
          <Text size="xs" c="dimmed">
            {item.code}
          </Text>
        </Stack>
      ),
    },
    {
      key: "bu",
      header: t("sdAdmin.common.businessUnit"),
      render: (item) =>
        item.buId
          ? (units.data?.find((bu) => bu.id === item.buId)?.code ?? item.buId)
          : t("sdAdmin.common.allBusinessUnits"),
    },
    {
      key: "calendar",
      header: t("sdAdmin.sla.calendar"),
      render: (item) => calendars.data?.find((c) => c.id === item.calendarId)?.name ?? "",
    },
    {
      key: "firstResponse",
      header: labels.target("firstResponse"),
      render: (item) => labels.duration(item.targets.firstResponse),
    },
    {
      key: "resolution",
      header: labels.target("resolution"),
      render: (item) => labels.duration(item.targets.resolution),
    },
    {
      key: "active",
      header: t("sdAdmin.common.status"),
      render: (item) => (
        <Badge variant="light" color={item.active ? "teal" : "gray"}>
          {item.active ? t("sdAdmin.common.active") : t("sdAdmin.common.inactive")}
        </Badge>
      ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (item) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ item })}
          aria-label={t("sdAdmin.catalogue.editAria", { code: item.code })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.catalogue")}
        description={t("sdAdmin.catalogue.description")}
        actions={
          <Button onClick={() => setEditing({ item: null })} data-testid="create-catalogue-item">
            {t("sdAdmin.catalogue.create")}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
      </Group>
      <DataTable
        caption={t("nav.admin.catalogue")}
        columns={columns}
        list={list}
        getRowId={(item) => item.id}
        emptyTitle={filters.q ? t("common.noMatches") : t("sdAdmin.catalogue.empty")}
        emptyDescription={filters.q ? t("common.noMatchesHint") : t("sdAdmin.catalogue.emptyHint")}
        testId="catalogue-table"
      />
      {editing ? (
        <CatalogueItemModal key={editing.item?.id ?? "new"} item={editing.item} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
