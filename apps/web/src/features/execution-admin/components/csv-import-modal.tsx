import { Alert, Anchor, Button, Code, FileInput, Group, List, Modal, ScrollArea, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api-client";
import { currentLanguage } from "../../../lib/i18n";
import { FormAlert } from "../../../ui/form-alert";
import { readCsvFile } from "../api/csv-upload";
import { useImportCatalogue, type CatalogueKind } from "../api/mutations";
import { csvColumns, csvTemplate, formatBytes, MAX_IMPORT_BYTES, MAX_IMPORT_LINES } from "../lib/catalogue-csv";

type Props = { kind: CatalogueKind; buId: string; buLabel: string; onClose: () => void };

/**
 * Uploads a CSV file into one BU. The server checks every line before writing any: when it refuses the file, each
 * problem is listed here by line and column, so the file can be fixed in one go.
 */
export function CsvImportModal({ kind, buId, buLabel, onClose }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const importer = useImportCatalogue(kind);
  const size = formatBytes(MAX_IMPORT_BYTES, language);

  const choose = (next: File | null) => {
    setFile(next);
    setLocalError(null);
    importer.reset();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setLocalError(t("execAdmin.import.tooLarge", { size }));
    setReading(true);
    const csv = await readCsvFile(file).finally(() => setReading(false));
    if (csv.trim() === "") return setLocalError(t("execAdmin.import.emptyFile"));
    importer.mutate(
      { buId, csv },
      {
        onSuccess: (result) =>
          notifications.show({
            color: "teal",
            title: t("execAdmin.import.doneTitle"),
            message: t("execAdmin.import.done", result),
          }),
      },
    );
  };

  const problem = isApiError(importer.error) ? importer.error : null;
  // A 422 lists the file's problems; anything else (permission, network, size) is shown as the form's error.
  const lineErrors = problem?.status === 422 ? problem.fieldErrors : [];
  const title =
    kind === "products"
      ? t("execAdmin.import.titleProducts", { bu: buLabel })
      : t("execAdmin.import.titleServiceCodes", { bu: buLabel });

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="csv-import-form">
        <Stack>
          <Text size="sm">
            {t("execAdmin.import.intro", { columns: csvColumns(kind).join(",") })}{" "}
            {kind === "service-codes" ? t("execAdmin.import.pricesHint") : null}
          </Text>
          <Text size="xs" c="dimmed">
            {t("execAdmin.import.limits", { lines: MAX_IMPORT_LINES.toLocaleString(language), size })}{" "}
            <Anchor
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplate(kind))}`}
              download={`${kind}-template.csv`}
              size="xs"
            >
              {t("execAdmin.import.template")}
            </Anchor>
          </Text>
          <FileInput
            label={t("execAdmin.import.file")}
            placeholder={t("execAdmin.import.filePlaceholder")}
            accept=".csv,text/csv"
            value={file}
            onChange={choose}
            clearable
            required
            error={localError ?? undefined}
            data-testid="csv-import-file"
          />
          {problem && lineErrors.length > 0 ? (
            <Alert color="red" variant="light" title={t("execAdmin.import.rejectedTitle")} role="alert">
              <Stack gap="xs" data-testid="csv-import-errors">
                <Text size="sm">{t("execAdmin.import.problems", { count: lineErrors.length })}</Text>
                <ScrollArea.Autosize mah={260} type="auto">
                  <List size="sm" spacing={2}>
                    {lineErrors.map((error) => (
                      <List.Item key={`${error.path}:${error.message}`}>
                        <Code>{error.message}</Code>
                      </List.Item>
                    ))}
                  </List>
                </ScrollArea.Autosize>
                <Text size="xs" c="dimmed">
                  {problem.detail}
                </Text>
              </Stack>
            </Alert>
          ) : (
            <FormAlert error={importer.error} />
          )}
          {importer.data ? (
            <Alert color="teal" variant="light" title={t("execAdmin.import.doneTitle")} data-testid="csv-import-done">
              {t("execAdmin.import.done", importer.data)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {importer.data ? t("execAdmin.import.close") : t("actions.cancel")}
            </Button>
            <Button
              type="submit"
              disabled={!file || importer.isSuccess}
              loading={reading || importer.isPending}
              data-testid="csv-import-submit"
            >
              {t("execAdmin.import.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
