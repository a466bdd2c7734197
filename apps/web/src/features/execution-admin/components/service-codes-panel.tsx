import { Badge, Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TServiceCode } from "@atende/contracts";
import { currentLanguage } from "../../../lib/i18n";
import { formatMoney } from "../../../lib/money";
import { DataTable, type Column } from "../../../ui/data-table";
import { useBusinessUnitOptions } from "../../business-units/api/queries";
import { useServiceCodeList } from "../api/queries";
import { sxTypeKey } from "../lib/labels";
import { CatalogueToolbar } from "./catalogue-toolbar";
import { CsvImportModal } from "./csv-import-modal";
import { ServiceCodeModal } from "./service-code-modal";

type Dialog = { kind: "edit"; code: TServiceCode | null } | { kind: "import" } | null;

/** Service codes of the chosen BU (or of every readable one), with create, edit and CSV import. */
export function ServiceCodesPanel({ buId, q }: { buId: string; q: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const units = useBusinessUnitOptions();
  const list = useServiceCodeList({ buId, q });
  const [dialog, setDialog] = useState<Dialog>(null);
  const unitOf = (id: string) => units.data?.find((bu) => bu.id === id);
  const money = (row: TServiceCode, minor: number) => formatMoney(minor, unitOf(row.buId)?.currency ?? "EUR", language);
  const chosen = buId ? unitOf(buId) : undefined;

  const columns: Column<TServiceCode>[] = [
    {
      key: "code",
      header: t("execAdmin.serviceCodes.fields.label"),
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm">{row.label}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {row.code}
          </Text>
        </Stack>
      ),
    },
    { key: "bu", header: t("execAdmin.common.businessUnit"), render: (row) => unitOf(row.buId)?.code ?? "" },
    {
      key: "skill",
      header: t("execAdmin.serviceCodes.fields.skill"),
      render: (row) => `${row.profession} / ${row.specialty}`,
    },
    { key: "type", header: t("execAdmin.serviceCodes.fields.sxType"), render: (row) => t(sxTypeKey(row.sxType)) },
    {
      key: "duration",
      header: t("execAdmin.serviceCodes.fields.durationMinutes"),
      render: (row) => t("execAdmin.serviceCodes.minutes", { minutes: row.durationMinutes }),
    },
    {
      key: "customerPrice",
      header: t("execAdmin.serviceCodes.fields.customerPrice"),
      render: (row) => money(row, row.customerPriceMinor),
    },
    {
      key: "providerPrice",
      header: t("execAdmin.serviceCodes.fields.providerPrice"),
      render: (row) => money(row, row.providerPriceMinor),
    },
    {
      key: "active",
      header: t("execAdmin.common.status"),
      render: (row) => (
        // A badge truncates its label: in a crowded table it would read "AC…" without a minimum width.
        <Badge variant="light" color={row.active ? "teal" : "gray"} miw="max-content">
          {row.active ? t("execAdmin.common.active") : t("execAdmin.common.inactive")}
        </Badge>
      ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      render: (row) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setDialog({ kind: "edit", code: row })}
          aria-label={t("execAdmin.serviceCodes.editAria", { code: row.code })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <CatalogueToolbar
        createLabel={t("execAdmin.serviceCodes.create")}
        canImport={Boolean(chosen)}
        onCreate={() => setDialog({ kind: "edit", code: null })}
        onImport={() => setDialog({ kind: "import" })}
        testId="service-codes"
      />
      <DataTable
        caption={t("execAdmin.catalogue.servicesTab")}
        columns={columns}
        list={list}
        getRowId={(row) => row.id}
        emptyTitle={q ? t("common.noMatches") : t("execAdmin.serviceCodes.empty")}
        emptyDescription={q ? t("common.noMatchesHint") : t("execAdmin.serviceCodes.emptyHint")}
        testId="service-codes-table"
      />
      {dialog?.kind === "edit" ? (
        <ServiceCodeModal
          key={dialog.code?.id ?? "new"}
          code={dialog.code}
          defaultBuId={buId || null}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === "import" && chosen ? (
        <CsvImportModal
          kind="service-codes"
          buId={chosen.id}
          buLabel={`${chosen.code} · ${chosen.name}`}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
