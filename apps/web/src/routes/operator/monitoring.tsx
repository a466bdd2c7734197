import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PendingContracts } from "../../features/execution/components/monitoring/pending-contracts";
import { TaskCounts } from "../../features/execution/components/monitoring/task-counts";
import { PageHeader } from "../../ui/page-header";

export function MonitoringRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("nav.operator.monitoring")} description={t("exec.monitoring.description")} />
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="monitoring-contracts">
          <Title order={2} size="h4" id="monitoring-contracts">
            {t("exec.monitoring.pendingContracts")}
          </Title>
          <PendingContracts />
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="monitoring-tasks">
          <Title order={2} size="h4" id="monitoring-tasks">
            {t("exec.monitoring.openTasks")}
          </Title>
          <TaskCounts />
        </Stack>
      </Stack>
    </>
  );
}
