import { Badge, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PLAYBOOK_TRIGGERS, type TPlaybook } from "@atende/contracts";
import { usePlaybookList } from "../../features/service-desk-admin/api/queries";
import { PlaybookModal } from "../../features/service-desk-admin/components/playbooks/playbook-modal";
import { useSdLabels } from "../../features/service-desk-admin/components/shared/use-sd-labels";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";
import { SearchInput } from "../../ui/search-input";

type Editing = { playbook: TPlaybook | null } | null;

export function PlaybooksRoute() {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const [filters, setFilters] = useUrlFilters(["q", "trigger"] as const);
  const list = usePlaybookList(filters);
  const [editing, setEditing] = useState<Editing>(null);
  const filtered = Boolean(filters.q || filters.trigger);

  const columns: Column<TPlaybook>[] = [
    {
      key: "name",
      header: t("sdAdmin.common.name"),
      render: (p) => (
        <Stack gap={0}>
          <Text size="sm">{p.name}</Text>
          <Text size="xs" c="dimmed">
            {p.code}
          </Text>
        </Stack>
      ),
    },
    { key: "trigger", header: t("sdAdmin.playbooks.trigger"), render: (p) => labels.trigger(p.trigger) },
    {
      key: "steps",
      header: t("sdAdmin.playbooks.steps"),
      render: (p) => (
        <Text size="sm" title={p.steps.map((step, i) => `${i + 1}. ${step.title}`).join("\n")}>
          {t("sdAdmin.playbooks.stepCount", { count: p.steps.length })}
        </Text>
      ),
    },
    {
      key: "active",
      header: t("sdAdmin.common.status"),
      render: (p) => (
        <Badge variant="light" color={p.active ? "teal" : "gray"}>
          {p.active ? t("sdAdmin.common.active") : t("sdAdmin.common.inactive")}
        </Badge>
      ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (p) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ playbook: p })}
          aria-label={t("sdAdmin.playbooks.editAria", { code: p.code })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.playbooks")}
        description={t("sdAdmin.playbooks.description")}
        actions={
          <Button onClick={() => setEditing({ playbook: null })} data-testid="create-playbook">
            {t("sdAdmin.playbooks.create")}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
        <Select
          label={t("sdAdmin.playbooks.trigger")}
          placeholder={t("common.all")}
          data={PLAYBOOK_TRIGGERS.map((trigger) => ({ value: trigger, label: labels.trigger(trigger) }))}
          value={filters.trigger || null}
          onChange={(trigger) => setFilters({ trigger })}
          clearable
          w={260}
        />
      </Group>
      <DataTable
        caption={t("nav.admin.playbooks")}
        columns={columns}
        list={list}
        getRowId={(p) => p.id}
        emptyTitle={filtered ? t("common.noMatches") : t("sdAdmin.playbooks.empty")}
        emptyDescription={filtered ? t("common.noMatchesHint") : t("sdAdmin.playbooks.emptyHint")}
        testId="playbooks-table"
      />
      {editing ? (
        <PlaybookModal
          key={editing.playbook?.id ?? "new"}
          playbook={editing.playbook}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
