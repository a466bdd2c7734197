import { Badge, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TWebhook } from "@atende/contracts";
import { useWebhookList } from "../../features/execution-admin/api/queries";
import { WebhookCreateModal } from "../../features/execution-admin/components/webhook-create-modal";
import { WebhookDeleteModal } from "../../features/execution-admin/components/webhook-delete-modal";
import { WebhookSecretModal } from "../../features/execution-admin/components/webhook-secret-modal";
import { webhookEventKey } from "../../features/execution-admin/lib/labels";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";

type Dialog =
  { kind: "create" } | { kind: "secret"; url: string; secret: string } | { kind: "delete"; webhook: TWebhook } | null;

export function WebhooksRoute() {
  const { t } = useTranslation();
  const list = useWebhookList();
  const [dialog, setDialog] = useState<Dialog>(null);
  const language = currentLanguage();

  const columns: Column<TWebhook>[] = [
    {
      key: "url",
      header: t("execAdmin.webhooks.fields.url"),
      render: (hook) => (
        <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
          {hook.url}
        </Text>
      ),
    },
    {
      key: "events",
      header: t("execAdmin.webhooks.fields.events"),
      render: (hook) => (
        <Group gap={4}>
          {hook.events.map((name) => (
            <Badge key={name} variant="light" tt="none" title={name}>
              {t(webhookEventKey(name))}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: "status",
      header: t("execAdmin.common.status"),
      render: (hook) => (
        <Badge variant="light" color={hook.active ? "teal" : "gray"}>
          {hook.active ? t("execAdmin.common.active") : t("execAdmin.common.inactive")}
        </Badge>
      ),
    },
    {
      key: "createdAt",
      header: t("execAdmin.webhooks.fields.createdAt"),
      render: (hook) => formatDateTime(hook.createdAt, language),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (hook) => (
        <Button
          size="xs"
          color="red"
          variant="light"
          onClick={() => setDialog({ kind: "delete", webhook: hook })}
          aria-label={t("execAdmin.webhooks.deleteAria", { url: hook.url })}
        >
          {t("execAdmin.webhooks.delete")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.webhooks")}
        description={t("execAdmin.webhooks.description")}
        actions={
          <Button onClick={() => setDialog({ kind: "create" })} data-testid="create-webhook">
            {t("execAdmin.webhooks.create")}
          </Button>
        }
      />
      <DataTable
        caption={t("nav.admin.webhooks")}
        columns={columns}
        list={list}
        getRowId={(hook) => hook.id}
        emptyTitle={t("execAdmin.webhooks.empty")}
        emptyDescription={t("execAdmin.webhooks.emptyHint")}
        testId="webhooks-table"
      />
      {dialog?.kind === "create" ? (
        <WebhookCreateModal
          onClose={() => setDialog(null)}
          onCreated={(created) => setDialog({ kind: "secret", url: created.url, secret: created.secret })}
        />
      ) : null}
      {dialog?.kind === "secret" ? (
        <WebhookSecretModal url={dialog.url} secret={dialog.secret} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "delete" ? (
        <WebhookDeleteModal webhook={dialog.webhook} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
