import { Badge, Button, Group, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TUser } from "@atende/contracts";
import { ROLES } from "@atende/domain";
import { useBusinessUnitOptions } from "../../features/business-units/api/queries";
import { useGroupOptions } from "../../features/groups/api/queries";
import { useStoreOptions } from "../../features/stores/api/queries";
import { useUserList } from "../../features/users/api/queries";
import { RoleBadges } from "../../features/users/components/role-badges";
import { UserCreateModal } from "../../features/users/components/user-create-modal";
import { UserEditDrawer } from "../../features/users/components/user-edit-drawer";
import { formatDateTime, isInFuture } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { roleKey } from "../../lib/i18n-keys";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";
import { SearchInput } from "../../ui/search-input";

type Editing = { kind: "create" } | { kind: "edit"; user: TUser } | null;

export function UsersRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["q", "role"] as const);
  const list = useUserList(filters);
  const units = useBusinessUnitOptions();
  const stores = useStoreOptions(null);
  const groups = useGroupOptions();
  const [editing, setEditing] = useState<Editing>(null);
  const language = currentLanguage();
  const unitCode = (id: string) => units.data?.find((bu) => bu.id === id)?.code ?? id;
  const storeCode = (id: string) => stores.data?.find((store) => store.id === id)?.code ?? id;
  const groupName = (id: string) => groups.data?.find((group) => group.id === id)?.name ?? id;
  const filtered = Boolean(filters.q || filters.role);

  const columns: Column<TUser>[] = [
    { key: "name", header: t("users.fields.name"), render: (user) => user.name },
    { key: "email", header: t("users.fields.email"), render: (user) => user.email },
    {
      key: "roles",
      header: t("users.fields.roles"),
      render: (user) => <RoleBadges roles={user.roles} unitCode={unitCode} storeCode={storeCode} />,
    },
    {
      key: "status",
      header: t("users.fields.status"),
      render: (user) => (
        <Group gap={4}>
          <Badge color={user.status === "active" ? "teal" : "gray"} variant="light">
            {t(`users.status.${user.status}`)}
          </Badge>
          {isInFuture(user.lockedUntil) ? (
            <Badge color="orange" variant="light">
              {t("users.locked")}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: "groups", header: t("users.fields.groups"), render: (user) => user.groupIds.map(groupName).join(", ") },
    {
      key: "lastLogin",
      header: t("users.fields.lastLogin"),
      render: (user) => formatDateTime(user.lastLoginAt, language),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (user) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ kind: "edit", user })}
          aria-label={t("users.editAria", { email: user.email })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.users")}
        description={t("users.description")}
        actions={
          <Button onClick={() => setEditing({ kind: "create" })} data-testid="create-user">
            {t("users.create")}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
        <Select
          label={t("users.filterRole")}
          placeholder={t("common.all")}
          data={ROLES.map((role) => ({ value: role, label: t(roleKey(role)) }))}
          value={filters.role || null}
          onChange={(role) => setFilters({ role })}
          clearable
          w={220}
        />
      </Group>
      <DataTable
        caption={t("nav.admin.users")}
        columns={columns}
        list={list}
        getRowId={(user) => user.id}
        emptyTitle={filtered ? t("common.noMatches") : t("users.empty")}
        emptyDescription={filtered ? t("common.noMatchesHint") : undefined}
        testId="users-table"
      />
      {editing?.kind === "create" ? <UserCreateModal onClose={() => setEditing(null)} /> : null}
      {editing?.kind === "edit" ? (
        <UserEditDrawer key={editing.user.id} user={editing.user} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
