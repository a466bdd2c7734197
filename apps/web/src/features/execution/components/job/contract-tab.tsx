import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TContractVersion, TJob } from "@atende/contracts";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import { EmptyState } from "../../../../ui/empty-state";
import { contractActions, type DialogAction } from "../../lib/job-actions";
import { actionKey, contractChannelKey, contractStatusKey } from "../../lib/labels";
import { contractPdfUrl } from "../../lib/paths";

const STATUS_COLORS: Record<TContractVersion["status"], string> = {
  sent: "blue",
  cancelled: "gray",
  signed: "green",
  paper_signed: "green",
  skipped: "orange",
};

/** Every contract version, newest first, with the contract actions the job allows and the latest PDF. */
export function ContractTab({ job, onAction }: { job: TJob; onAction: (action: DialogAction) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const actions = contractActions(job.allowedActions);
  const versions = [...job.contracts].sort((a, b) => b.version - a.version);
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === "skip_contract" ? "light" : "default"}
            color={action === "skip_contract" ? "orange" : undefined}
            onClick={() => onAction(action)}
            data-testid={`contract-${action}`}
          >
            {t(actionKey(action))}
          </Button>
        ))}
        {versions.length > 0 ? (
          <Anchor href={contractPdfUrl(job.id)} target="_blank" rel="noreferrer" data-testid="contract-pdf">
            {t("exec.contract.openPdf")}
          </Anchor>
        ) : null}
      </Group>
      {job.signedAt ? (
        <Text size="sm" data-testid="contract-signed-at">
          {t("exec.contract.signedAt", { at: formatDateTime(job.signedAt, language) })}
        </Text>
      ) : null}
      {versions.length === 0 ? (
        <EmptyState title={t("exec.contract.empty")} description={t("exec.contract.emptyHint")} />
      ) : (
        <Table striped verticalSpacing="xs" data-testid="contract-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("exec.contract.version")}</Table.Th>
              <Table.Th scope="col">{t("exec.fields.status")}</Table.Th>
              <Table.Th scope="col">{t("exec.contract.channel")}</Table.Th>
              <Table.Th scope="col">{t("exec.contract.sentAt")}</Table.Th>
              <Table.Th scope="col">{t("exec.contract.signer")}</Table.Th>
              <Table.Th scope="col">{t("exec.contract.reminders")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((contract) => (
              <Table.Tr key={contract.id} data-testid="contract-version" data-status={contract.status}>
                <Table.Td>v{contract.version}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[contract.status]}>
                    {t(contractStatusKey(contract.status))}
                  </Badge>
                </Table.Td>
                <Table.Td>{t(contractChannelKey(contract.channel))}</Table.Td>
                <Table.Td>{formatDateTime(contract.sentAt, language)}</Table.Td>
                <Table.Td>
                  {contract.signerName ?? "—"}
                  {contract.signedAt ? (
                    <Text size="xs" c="dimmed">
                      {formatDateTime(contract.signedAt, language)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{contract.remindersSent}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
