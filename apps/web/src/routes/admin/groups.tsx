import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TGroup } from "@atende/contracts";
import { useBusinessUnitOptions } from "../../features/business-units/api/queries";
import { useGroupList } from "../../features/groups/api/queries";
import { GroupFormModal } from "../../features/groups/components/group-form";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";
import { SearchInput } from "../../ui/search-input";

type Editing = { group: TGroup | null } | null;

export function GroupsRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["q"] as const);
  const list = useGroupList(filters);
  const units = useBusinessUnitOptions();
  const [editing, setEditing] = useState<Editing>(null);
  const unitCode = (id: string | null) =>
    id ? (units.data?.find((bu) => bu.id === id)?.code ?? id) : t("groups.tenantWide");

  const columns: Column<TGroup>[] = [
    { key: "code", header: t("groups.fields.code"), render: (group) => group.code },
    { key: "name", header: t("groups.fields.name"), render: (group) => group.name },
    { key: "bu", header: t("groups.fields.businessUnit"), render: (group) => unitCode(group.buId) },
    { key: "description", header: t("groups.fields.description"), render: (group) => group.description ?? "" },
    {
      key: "members",
      header: t("groups.fields.members"),
      render: (group) => t("groups.memberCount", { count: group.memberIds.length }),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (group) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ group })}
          aria-label={t("groups.editAria", { code: group.code })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.groups")}
        description={t("groups.description")}
        actions={
          <Button onClick={() => setEditing({ group: null })} data-testid="create-group">
            {t("groups.create")}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
      </Group>
      <DataTable
        caption={t("nav.admin.groups")}
        columns={columns}
        list={list}
        getRowId={(group) => group.id}
        emptyTitle={filters.q ? t("common.noMatches") : t("groups.empty")}
        emptyDescription={filters.q ? t("common.noMatchesHint") : t("groups.emptyHint")}
        testId="groups-table"
      />
      {editing ? (
        <GroupFormModal key={editing.group?.id ?? "new"} group={editing.group} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
