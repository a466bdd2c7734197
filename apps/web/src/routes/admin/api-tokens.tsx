import { Badge, Button, Group, Switch } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TApiToken } from "@atende/contracts";
import { useApiTokenList } from "../../features/api-tokens/api/queries";
import { CreateApiTokenModal } from "../../features/api-tokens/components/create-api-token-modal";
import { RevokeApiTokenModal } from "../../features/api-tokens/components/revoke-api-token-modal";
import { TokenSecretModal } from "../../features/api-tokens/components/token-secret-modal";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";

type Dialog =
  { kind: "create" } | { kind: "secret"; name: string; secret: string } | { kind: "revoke"; token: TApiToken } | null;

export function ApiTokensRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["revoked"] as const);
  const includeRevoked = filters.revoked === "1";
  const list = useApiTokenList({ includeRevoked });
  const [dialog, setDialog] = useState<Dialog>(null);
  const language = currentLanguage();

  const columns: Column<TApiToken>[] = [
    { key: "name", header: t("apiTokens.fields.name"), render: (token) => token.name },
    { key: "prefix", header: t("apiTokens.fields.prefix"), render: (token) => <code>{token.prefix}…</code> },
    {
      key: "scopes",
      header: t("apiTokens.fields.scopes"),
      render: (token) => (
        <Group gap={4}>
          {token.scopes.map((scope) => (
            <Badge key={scope} variant="light" tt="none">
              {scope}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: "createdAt", header: t("common.createdAt"), render: (token) => formatDateTime(token.createdAt, language) },
    {
      key: "expiresAt",
      header: t("apiTokens.fields.expiresAt"),
      render: (token) => (token.expiresAt ? formatDateTime(token.expiresAt, language) : t("apiTokens.never")),
    },
    {
      key: "lastUsedAt",
      header: t("apiTokens.fields.lastUsedAt"),
      render: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt, language) : t("apiTokens.neverUsed")),
    },
    {
      key: "status",
      header: t("apiTokens.fields.status"),
      render: (token) =>
        token.revokedAt ? (
          <Badge color="red" variant="light" title={formatDateTime(token.revokedAt, language)}>
            {t("apiTokens.revokedOn", { when: formatDateTime(token.revokedAt, language) })}
          </Badge>
        ) : (
          <Badge color="teal" variant="light">
            {t("apiTokens.active")}
          </Badge>
        ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (token) =>
        token.revokedAt ? null : (
          <Button
            size="xs"
            color="red"
            variant="light"
            onClick={() => setDialog({ kind: "revoke", token })}
            aria-label={t("apiTokens.revokeAria", { name: token.name })}
          >
            {t("apiTokens.revoke")}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.api-tokens")}
        description={t("apiTokens.description")}
        actions={
          <Button onClick={() => setDialog({ kind: "create" })} data-testid="create-api-token">
            {t("apiTokens.create")}
          </Button>
        }
      />
      <Group mb="md">
        <Switch
          label={t("apiTokens.showRevoked")}
          checked={includeRevoked}
          onChange={(e) => setFilters({ revoked: e.currentTarget.checked ? "1" : null })}
        />
      </Group>
      <DataTable
        caption={t("nav.admin.api-tokens")}
        columns={columns}
        list={list}
        getRowId={(token) => token.id}
        emptyTitle={t("apiTokens.empty")}
        emptyDescription={t("apiTokens.emptyHint")}
        testId="api-tokens-table"
      />
      {dialog?.kind === "create" ? (
        <CreateApiTokenModal
          onClose={() => setDialog(null)}
          onCreated={(created) => setDialog({ kind: "secret", name: created.name, secret: created.token })}
        />
      ) : null}
      {dialog?.kind === "secret" ? (
        <TokenSecretModal name={dialog.name} secret={dialog.secret} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "revoke" ? <RevokeApiTokenModal token={dialog.token} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
