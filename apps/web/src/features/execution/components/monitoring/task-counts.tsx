import { Anchor, Group, Paper, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../../ui/empty-state";
import { ErrorState } from "../../../../ui/error-state";
import { LoadingState } from "../../../../ui/loading-state";
import { useTaskCounts } from "../../api/queries";
import { taskKindKey } from "../../lib/labels";
import { taskQueuePath } from "../../lib/paths";

/** Open system tasks per kind, busiest first; each opens the ticket queue narrowed to that kind. */
export function TaskCounts() {
  const { t } = useTranslation();
  const counts = useTaskCounts();
  if (counts.isPending) return <LoadingState />;
  if (counts.error) return <ErrorState error={counts.error} onRetry={() => void counts.refetch()} />;
  const open = counts.data.filter((row) => row.open > 0).sort((a, b) => b.open - a.open);
  if (open.length === 0) return <EmptyState title={t("exec.monitoring.noTasks")} />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="task-counts">
      {open.map((row) => (
        <Paper key={row.kind} withBorder p="sm" data-testid="task-count" data-kind={row.kind}>
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={taskQueuePath(row.kind)} size="sm">
              {t(taskKindKey(row.kind))}
            </Anchor>
            <Text fw={700} size="lg">
              {row.open}
            </Text>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
