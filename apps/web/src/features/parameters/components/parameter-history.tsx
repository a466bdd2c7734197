import { List, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatValue } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { DataTable, type Column } from "../../../ui/data-table";
import { useBuParameterHistory } from "../api/queries";

type Version = NonNullable<ReturnType<typeof useBuParameterHistory>["data"]>[number];

/** Every saved version, newest first, with each change as "key: before -> after". */
export function ParameterHistory({ buId }: { buId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const history = useBuParameterHistory(buId);
  const columns: Column<Version>[] = [
    { key: "version", header: t("parameters.history.version"), render: (v) => v.version, width: 90 },
    { key: "who", header: t("parameters.history.who"), render: (v) => v.changedBy?.name ?? t("parameters.system") },
    { key: "when", header: t("parameters.history.when"), render: (v) => formatDateTime(v.createdAt, language) },
    { key: "comment", header: t("parameters.history.comment"), render: (v) => v.comment ?? "" },
    {
      key: "changes",
      header: t("parameters.history.changes"),
      render: (v) =>
        v.changes.length === 0 ? (
          t("parameters.history.initial")
        ) : (
          <List size="sm" spacing={2}>
            {v.changes.map((change) => (
              <List.Item key={change.key}>
                <code>{`${change.key}: ${formatValue(change.before)} -> ${formatValue(change.after)}`}</code>
              </List.Item>
            ))}
          </List>
        ),
    },
  ];
  return (
    <section aria-labelledby="parameter-history-title">
      <Title order={2} size="h3" mb="sm" id="parameter-history-title">
        {t("parameters.history.title")}
      </Title>
      <DataTable
        caption={t("parameters.history.title")}
        columns={columns}
        list={{
          rows: history.data ?? [],
          isLoading: history.isPending,
          error: history.error,
          refetch: () => void history.refetch(),
        }}
        getRowId={(v) => `version-${v.version}`}
        emptyTitle={t("parameters.history.empty")}
        testId="parameter-history"
      />
    </section>
  );
}
