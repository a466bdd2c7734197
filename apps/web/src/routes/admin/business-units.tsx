import { Button, Group, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TBusinessUnit } from "@atende/contracts";
import { useBusinessUnitList } from "../../features/business-units/api/queries";
import { BusinessUnitFormModal } from "../../features/business-units/components/business-unit-form";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";
import { SearchInput } from "../../ui/search-input";

const SORTS = ["code", "-code", "name", "-name", "createdAt", "-createdAt"] as const;
type Editing = { unit: TBusinessUnit | null } | null;

export function BusinessUnitsRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["q", "sort"] as const);
  const list = useBusinessUnitList({ q: filters.q, sort: filters.sort || "code" });
  const [editing, setEditing] = useState<Editing>(null);
  const language = currentLanguage();

  const columns: Column<TBusinessUnit>[] = [
    { key: "code", header: t("businessUnits.fields.code"), render: (bu) => bu.code },
    { key: "name", header: t("businessUnits.fields.name"), render: (bu) => bu.name },
    { key: "timezone", header: t("businessUnits.fields.timezone"), render: (bu) => bu.timezone },
    { key: "locale", header: t("businessUnits.fields.locale"), render: (bu) => bu.locale },
    { key: "currency", header: t("businessUnits.fields.currency"), render: (bu) => bu.currency },
    { key: "country", header: t("businessUnits.fields.country"), render: (bu) => bu.country },
    { key: "updatedAt", header: t("common.updatedAt"), render: (bu) => formatDateTime(bu.updatedAt, language) },
    {
      key: "actions",
      header: t("common.actions"),
      render: (bu) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ unit: bu })}
          aria-label={t("businessUnits.editAria", { code: bu.code })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.business-units")}
        description={t("businessUnits.description")}
        actions={
          <Button onClick={() => setEditing({ unit: null })} data-testid="create-business-unit">
            {t("businessUnits.create")}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
        <Select
          label={t("common.sort")}
          data={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
          value={filters.sort || "code"}
          onChange={(sort) => setFilters({ sort: sort === "code" ? null : sort })}
          allowDeselect={false}
          w={220}
        />
      </Group>
      <DataTable
        caption={t("nav.admin.business-units")}
        columns={columns}
        list={list}
        getRowId={(bu) => bu.id}
        emptyTitle={filters.q ? t("common.noMatches") : t("businessUnits.empty")}
        emptyDescription={filters.q ? t("common.noMatchesHint") : t("businessUnits.emptyHint")}
        testId="business-units-table"
      />
      {editing ? (
        <BusinessUnitFormModal key={editing.unit?.id ?? "new"} unit={editing.unit} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
