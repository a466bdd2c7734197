import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TJobDocument } from "@atende/contracts";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import { EmptyState } from "../../../../ui/empty-state";
import { ErrorState } from "../../../../ui/error-state";
import { LoadingState } from "../../../../ui/loading-state";
import { useJobDocuments } from "../../api/queries";
import { formatBytes } from "../../lib/exec-format";
import { documentCategoryKey } from "../../lib/labels";
import { documentUrl } from "../../lib/paths";
import { UploadZone } from "./upload-zone";

/** Internal documents (never shown to customers or providers): upload zone and the list with downloads. */
export function DocumentsTab({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const documents = useJobDocuments(jobId, true);
  return (
    <Stack gap="md">
      <UploadZone jobId={jobId} />
      {documents.isPending ? <LoadingState /> : null}
      {documents.error ? <ErrorState error={documents.error} onRetry={() => void documents.refetch()} /> : null}
      {documents.data && documents.data.length === 0 ? <EmptyState title={t("exec.documents.empty")} /> : null}
      {documents.data && documents.data.length > 0 ? <DocumentTable jobId={jobId} documents={documents.data} /> : null}
    </Stack>
  );
}

function DocumentTable({ jobId, documents }: { jobId: string; documents: TJobDocument[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const sorted = [...documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Table striped verticalSpacing="xs" data-testid="job-documents">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("exec.documents.file")}</Table.Th>
          <Table.Th scope="col">{t("exec.documents.category")}</Table.Th>
          <Table.Th scope="col">{t("exec.documents.size")}</Table.Th>
          <Table.Th scope="col">{t("exec.documents.uploadedAt")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((document) => (
          <Table.Tr key={document.id} data-testid="job-document" data-category={document.category}>
            <Table.Td>
              <Anchor href={documentUrl(jobId, document.id)} download={document.filename} size="sm">
                {document.filename}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(documentCategoryKey(document.category))}</Table.Td>
            <Table.Td>
              <Text size="sm">{formatBytes(document.sizeBytes)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(document.createdAt, language)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
