import { Anchor, Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import { EmptyState } from "../../../../ui/empty-state";
import { ErrorState } from "../../../../ui/error-state";
import { LoadingState } from "../../../../ui/loading-state";
import { usePendingContracts } from "../../api/queries";
import { ageLabel } from "../../lib/labels";
import { jobLabel, jobPath, projectLabel } from "../../lib/paths";

/** After this many hours unsigned, the system opens a "Contract not signed" task (BU default 72 h). */
const LATE_HOURS = 72;

/** Contracts sent and not signed yet, oldest first, each linking to its job. */
export function PendingContracts() {
  const { t } = useTranslation();
  const pending = usePendingContracts();
  if (pending.isPending) return <LoadingState />;
  if (pending.error) return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  if (pending.data.length === 0)
    return <EmptyState title={t("exec.monitoring.noPending")} description={t("exec.monitoring.noPendingHint")} />;
  const language = currentLanguage();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" data-testid="pending-contracts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("exec.fields.job")}</Table.Th>
          <Table.Th scope="col">{t("exec.fields.customer")}</Table.Th>
          <Table.Th scope="col">{t("exec.contract.version")}</Table.Th>
          <Table.Th scope="col">{t("exec.contract.sentAt")}</Table.Th>
          <Table.Th scope="col">{t("exec.monitoring.age")}</Table.Th>
          <Table.Th scope="col">{t("exec.contract.reminders")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {pending.data.map((row) => (
          <Table.Tr key={`${row.jobId}:${row.version}`} data-testid="pending-contract" data-job-id={row.jobId}>
            <Table.Td>
              <Anchor component={Link} to={jobPath("operator", row.jobId)} fw={600} size="sm">
                {jobLabel(row.jobNumber)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {projectLabel(row.projectNumber)}
              </Text>
            </Table.Td>
            <Table.Td>{row.customerName}</Table.Td>
            <Table.Td>v{row.version}</Table.Td>
            <Table.Td>{formatDateTime(row.sentAt, language)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={row.ageHours >= LATE_HOURS ? "red" : "gray"} data-testid="pending-age">
                {ageLabel(t, row.ageHours)}
              </Badge>
            </Table.Td>
            <Table.Td>{row.remindersSent}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
