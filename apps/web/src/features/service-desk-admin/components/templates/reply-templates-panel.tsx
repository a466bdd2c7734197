import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TReplyTemplate } from "@atende/contracts";
import { LOCALES, usedVariables } from "@atende/domain";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import { localeKey } from "../../../../lib/i18n-keys";
import { useUrlFilters } from "../../../../lib/url-filters";
import { DataTable, type Column } from "../../../../ui/data-table";
import { SearchInput } from "../../../../ui/search-input";
import { useReplyTemplateList } from "../../api/queries";
import { ReplyTemplateModal } from "./reply-template-modal";

type Editing = { template: TReplyTemplate | null } | null;

export function ReplyTemplatesPanel() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["q", "locale"] as const);
  const list = useReplyTemplateList(filters);
  const [editing, setEditing] = useState<Editing>(null);
  const language = currentLanguage();
  const filtered = Boolean(filters.q || filters.locale);

  const columns: Column<TReplyTemplate>[] = [
    { key: "code", header: t("sdAdmin.common.code"), render: (r) => <code>{r.code}</code> },
    { key: "locale", header: t("sdAdmin.templates.locale"), render: (r) => r.locale },
    {
      key: "name",
      header: t("sdAdmin.common.name"),
      render: (r) => (
        <Stack gap={0}>
          <Text size="sm">{r.name}</Text>
          <Text size="xs" c="dimmed" lineClamp={1} maw={420}>
            {r.body}
          </Text>
        </Stack>
      ),
    },
    {
      key: "variables",
      header: t("sdAdmin.templates.variables"),
      render: (r) => usedVariables(r.body).join(", ") || "—",
    },
    { key: "createdAt", header: t("common.createdAt"), render: (r) => formatDateTime(r.createdAt, language) },
    {
      key: "actions",
      header: t("common.actions"),
      render: (r) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ template: r })}
          aria-label={t("sdAdmin.templates.editAria", { code: r.code, locale: r.locale })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
          <Select
            label={t("sdAdmin.templates.locale")}
            placeholder={t("common.all")}
            data={LOCALES.map((locale) => ({ value: locale, label: t(localeKey(locale)) }))}
            value={filters.locale || null}
            onChange={(locale) => setFilters({ locale })}
            clearable
            w={180}
          />
        </Group>
        <Button onClick={() => setEditing({ template: null })} data-testid="create-reply-template">
          {t("sdAdmin.templates.create")}
        </Button>
      </Group>
      <DataTable
        caption={t("sdAdmin.templates.replyTab")}
        columns={columns}
        list={list}
        getRowId={(r) => r.id}
        emptyTitle={filtered ? t("common.noMatches") : t("sdAdmin.templates.empty")}
        emptyDescription={filtered ? t("common.noMatchesHint") : t("sdAdmin.templates.emptyHint")}
        testId="reply-templates-table"
      />
      {editing ? (
        <ReplyTemplateModal
          key={editing.template?.id ?? "new"}
          template={editing.template}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
