import { Badge, Button, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TProduct } from "@atende/contracts";
import { DataTable, type Column } from "../../../ui/data-table";
import { useBusinessUnitOptions } from "../../business-units/api/queries";
import { useProductList } from "../api/queries";
import { CatalogueToolbar } from "./catalogue-toolbar";
import { CsvImportModal } from "./csv-import-modal";
import { ProductModal } from "./product-modal";

type Dialog = { kind: "edit"; product: TProduct | null } | { kind: "import" } | null;

/** Products of the chosen BU (or of every readable one), with create, edit and CSV import. */
export function ProductsPanel({ buId, q }: { buId: string; q: string }) {
  const { t } = useTranslation();
  const units = useBusinessUnitOptions();
  const list = useProductList({ buId, q });
  const [dialog, setDialog] = useState<Dialog>(null);
  const unitOf = (id: string) => units.data?.find((bu) => bu.id === id);
  const chosen = buId ? unitOf(buId) : undefined;

  const columns: Column<TProduct>[] = [
    {
      key: "sku",
      header: t("execAdmin.products.fields.sku"),
      render: (row) => (
        <Text size="sm" ff="monospace">
          {row.sku}
        </Text>
      ),
    },
    { key: "label", header: t("execAdmin.products.fields.label"), render: (row) => row.label },
    { key: "bu", header: t("execAdmin.common.businessUnit"), render: (row) => unitOf(row.buId)?.code ?? "" },
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
          onClick={() => setDialog({ kind: "edit", product: row })}
          aria-label={t("execAdmin.products.editAria", { sku: row.sku })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <CatalogueToolbar
        createLabel={t("execAdmin.products.create")}
        canImport={Boolean(chosen)}
        onCreate={() => setDialog({ kind: "edit", product: null })}
        onImport={() => setDialog({ kind: "import" })}
        testId="products"
      />
      <DataTable
        caption={t("execAdmin.catalogue.productsTab")}
        columns={columns}
        list={list}
        getRowId={(row) => row.id}
        emptyTitle={q ? t("common.noMatches") : t("execAdmin.products.empty")}
        emptyDescription={q ? t("common.noMatchesHint") : t("execAdmin.products.emptyHint")}
        testId="products-table"
      />
      {dialog?.kind === "edit" ? (
        <ProductModal
          key={dialog.product?.id ?? "new"}
          product={dialog.product}
          defaultBuId={buId || null}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === "import" && chosen ? (
        <CsvImportModal
          kind="products"
          buId={chosen.id}
          buLabel={`${chosen.code} · ${chosen.name}`}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
