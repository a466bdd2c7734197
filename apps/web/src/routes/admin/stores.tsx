import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TStore } from "@atende/contracts";
import { useBusinessUnitOptions } from "../../features/business-units/api/queries";
import { BusinessUnitSelect } from "../../features/business-units/components/business-unit-select";
import { useStoreList } from "../../features/stores/api/queries";
import { StoreFormModal } from "../../features/stores/components/store-form";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";
import { SearchInput } from "../../ui/search-input";

type Editing = { store: TStore | null } | null;

export function StoresRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["buId", "q"] as const);
  const list = useStoreList(filters);
  const units = useBusinessUnitOptions();
  const [editing, setEditing] = useState<Editing>(null);
  const language = currentLanguage();
  const unitCode = (buId: string) => units.data?.find((bu) => bu.id === buId)?.code ?? buId;
  const filtered = Boolean(filters.q || filters.buId);

  const columns: Column<TStore>[] = [
    { key: "code", header: t("stores.fields.code"), render: (store) => store.code },
    { key: "name", header: t("stores.fields.name"), render: (store) => store.name },
    { key: "bu", header: t("stores.fields.businessUnit"), render: (store) => unitCode(store.buId) },
    { key: "address", header: t("stores.fields.address"), render: (store) => store.address ?? "" },
    { key: "postcode", header: t("stores.fields.postcode"), render: (store) => store.postcode ?? "" },
    { key: "updatedAt", header: t("common.updatedAt"), render: (store) => formatDateTime(store.updatedAt, language) },
    {
      key: "actions",
      header: t("common.actions"),
      render: (store) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ store })}
          aria-label={t("stores.editAria", { code: store.code })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.stores")}
        description={t("stores.description")}
        actions={
          <Button onClick={() => setEditing({ store: null })} data-testid="create-store">
            {t("stores.create")}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <BusinessUnitSelect
          label={t("stores.filterBusinessUnit")}
          placeholder={t("common.all")}
          value={filters.buId || null}
          onChange={(buId) => setFilters({ buId })}
          clearable
          w={260}
        />
        <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
      </Group>
      <DataTable
        caption={t("nav.admin.stores")}
        columns={columns}
        list={list}
        getRowId={(store) => store.id}
        emptyTitle={filtered ? t("common.noMatches") : t("stores.empty")}
        emptyDescription={filtered ? t("common.noMatchesHint") : t("stores.emptyHint")}
        testId="stores-table"
      />
      {editing ? (
        <StoreFormModal
          key={editing.store?.id ?? "new"}
          store={editing.store}
          defaultBuId={filters.buId || null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
