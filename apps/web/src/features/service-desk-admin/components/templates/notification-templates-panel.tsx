import { Badge, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NOTIFICATION_EVENTS, type TNotificationTemplate } from "@atende/contracts";
import { LOCALES } from "@atende/domain";
import { localeKey } from "../../../../lib/i18n-keys";
import { DataTable, type Column } from "../../../../ui/data-table";
import { useNotificationTemplates } from "../../api/queries";
import { useSdLabels } from "../shared/use-sd-labels";
import { NotificationTemplateModal } from "./notification-template-modal";

const eventOrder = (event: string) => (NOTIFICATION_EVENTS as readonly string[]).indexOf(event);

/** One row per event and locale: the tenant's text, or the built-in one until saved. */
export function NotificationTemplatesPanel() {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const templates = useNotificationTemplates();
  const [locale, setLocale] = useState<string | null>(null);
  const [editing, setEditing] = useState<TNotificationTemplate | null>(null);
  const rows = (templates.data ?? [])
    .filter((template) => !locale || template.locale === locale)
    .sort((a, b) => eventOrder(a.event) - eventOrder(b.event) || a.locale.localeCompare(b.locale));

  const columns: Column<TNotificationTemplate>[] = [
    {
      key: "event",
      header: t("sdAdmin.templates.event"),
      render: (n) => (
        <Stack gap={0}>
          <Text size="sm">{labels.event(n.event)}</Text>
          <Text size="xs" c="dimmed">
            {n.event}
          </Text>
        </Stack>
      ),
    },
    { key: "locale", header: t("sdAdmin.templates.locale"), render: (n) => n.locale },
    { key: "subject", header: t("sdAdmin.templates.subject"), render: (n) => n.subject },
    {
      key: "status",
      header: t("sdAdmin.common.status"),
      render: (n) =>
        n.version === 0 ? (
          <Badge variant="light" color="gray">
            {t("sdAdmin.templates.builtIn")}
          </Badge>
        ) : (
          <Badge variant="light" color="teal">
            {t("sdAdmin.templates.customised", { version: n.version })}
          </Badge>
        ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (n) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing(n)}
          aria-label={t("sdAdmin.templates.editNotificationAria", { event: labels.event(n.event), locale: n.locale })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label={t("sdAdmin.templates.locale")}
          placeholder={t("common.all")}
          data={LOCALES.map((value) => ({ value, label: t(localeKey(value)) }))}
          value={locale}
          onChange={setLocale}
          clearable
          w={180}
        />
      </Group>
      <DataTable
        caption={t("sdAdmin.templates.notificationTab")}
        columns={columns}
        list={{ rows, isLoading: templates.isPending, error: templates.error, refetch: () => void templates.refetch() }}
        getRowId={(n) => `${n.event}-${n.locale}`}
        emptyTitle={locale ? t("common.noMatches") : t("sdAdmin.templates.noNotifications")}
        testId="notification-templates-table"
      />
      {editing ? (
        <NotificationTemplateModal
          key={`${editing.event}-${editing.locale}`}
          template={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
