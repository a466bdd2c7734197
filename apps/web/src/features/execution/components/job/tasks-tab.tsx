import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TJob } from "@atende/contracts";
import { EmptyState } from "../../../../ui/empty-state";
import { useCan } from "../../../auth/components/current-user";
import { ticketPath } from "../../../tickets/components/queue-table";
import { taskKindKey, ticketStatusLabel } from "../../lib/labels";

/** The system tasks (tickets) opened for this job; agents who work the queue can open each one. */
export function TasksTab({ job }: { job: TJob }) {
  const { t } = useTranslation();
  const canOpen = useCan("tickets.work");
  if (job.tasks.length === 0) return <EmptyState title={t("exec.tasks.empty")} />;
  return (
    <Table striped verticalSpacing="xs" data-testid="job-tasks">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("exec.tasks.ticket")}</Table.Th>
          <Table.Th scope="col">{t("exec.tasks.kind")}</Table.Th>
          <Table.Th scope="col">{t("exec.fields.status")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {job.tasks.map((task) => {
          const label = task.number === null ? t("exec.tasks.unnumbered") : `#${task.number}`;
          return (
            <Table.Tr key={task.ticketId} data-testid="job-task" data-kind={task.kind}>
              <Table.Td>
                {canOpen ? (
                  <Anchor component={Link} to={ticketPath({ id: task.ticketId })} size="sm">
                    {label}
                  </Anchor>
                ) : (
                  <Text size="sm">{label}</Text>
                )}
              </Table.Td>
              <Table.Td>{t(taskKindKey(task.kind))}</Table.Td>
              <Table.Td>{ticketStatusLabel(t, task.status)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
