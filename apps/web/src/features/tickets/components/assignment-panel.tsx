import { Button, Group, Paper, Select, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TTicketDetail } from "@atende/contracts";
import { useAssignTicket } from "../api/mutations";
import { notifyTicketError } from "../lib/notify-error";
import { usePeople } from "../lib/use-people";

export function AssignmentPanel({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  const people = usePeople();
  const assign = useAssignTicket(ticket.id);
  const [groupId, setGroupId] = useState(ticket.groupId);
  const [assigneeId, setAssigneeId] = useState(ticket.assigneeId);
  const changed = groupId !== ticket.groupId || assigneeId !== ticket.assigneeId;

  const save = (next: { groupId: string | null; assigneeId: string | null }) =>
    assign.mutate(
      { ...next, version: ticket.version },
      {
        onSuccess: () => notifications.show({ color: "teal", message: t("desk.assignment.saved") }),
        onError: (error) => notifyTicketError(error, t),
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assignment-title">
      <Title order={2} size="h5" id="assignment-title" mb="sm">
        {t("desk.assignment.title")}
      </Title>
      <Stack gap="sm">
        <Select
          label={t("desk.fields.group")}
          placeholder={t("desk.people.noGroup")}
          data={people.groupOptions}
          value={groupId}
          onChange={setGroupId}
          clearable
          searchable
          disabled={people.groupsLoading}
          nothingFoundMessage={t("common.nothingFound")}
          data-testid="assignment-group"
        />
        <Select
          label={t("desk.fields.assignee")}
          placeholder={t("desk.people.unassigned")}
          data={people.assigneeOptions(groupId, ticket.assigneeId)}
          value={assigneeId}
          onChange={setAssigneeId}
          clearable
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          data-testid="assignment-assignee"
        />
        <Group justify="space-between">
          <Button
            size="xs"
            variant="subtle"
            disabled={ticket.assigneeId === people.me.id}
            onClick={() => save({ groupId: ticket.groupId, assigneeId: people.me.id })}
            data-testid="assign-me"
          >
            {t("desk.assignment.takeIt")}
          </Button>
          <Button
            size="xs"
            onClick={() => save({ groupId, assigneeId })}
            loading={assign.isPending}
            disabled={!changed}
            data-testid="assignment-save"
          >
            {t("actions.save")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
