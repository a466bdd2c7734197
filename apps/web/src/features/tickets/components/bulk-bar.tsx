import { Button, Group, Paper, Select, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TTicket } from "@atende/contracts";
import { isApiError } from "../../../lib/api-client";
import { useBulkUpdateTickets, type BulkTicketRequest } from "../api/mutations";
import type { Option } from "../lib/use-people";

type Props = { tickets: TTicket[]; meId: string; groupOptions: Option[]; onDone: () => void };

type Outcome = { updated: number; failed: number; details: string[] };

/** Bulk changes for the selected rows; each ticket succeeds or fails on its own, and the summary says which. */
export function BulkBar({ tickets, meId, groupOptions, onDone }: Props) {
  const { t } = useTranslation();
  const bulk = useBulkUpdateTickets();
  const [groupId, setGroupId] = useState<string | null>(null);
  const ids = tickets.map((ticket) => ticket.id);

  const run = async (requests: BulkTicketRequest[]) => {
    const outcome: Outcome = { updated: 0, failed: 0, details: [] };
    try {
      for (const request of requests) {
        const result = await bulk.mutateAsync(request);
        outcome.updated += result.updated.length;
        outcome.failed += result.failed.length;
        outcome.details.push(...result.failed.map((failure) => failure.detail));
      }
    } catch (error) {
      notifications.show({
        color: "red",
        title: t("desk.bulk.failed"),
        message: isApiError(error) ? error.detail : t("errors.unknown"),
      });
      return;
    }
    notifications.show({
      color: outcome.failed > 0 ? "orange" : "teal",
      title: t("desk.bulk.done", { updated: outcome.updated, failed: outcome.failed }),
      message: outcome.details.slice(0, 3).join("\n") || undefined,
    });
    onDone();
  };

  // Assignment replaces group and assignee together, so "assign to me" keeps each ticket's own group.
  const assignToMe = () => {
    const byGroup = new Map<string | null, string[]>();
    for (const ticket of tickets) byGroup.set(ticket.groupId, [...(byGroup.get(ticket.groupId) ?? []), ticket.id]);
    void run(
      [...byGroup].map(([group, groupIds]) => ({ ids: groupIds, assign: { groupId: group, assigneeId: meId } })),
    );
  };

  return (
    <Paper withBorder p="sm" mb="md" data-testid="bulk-bar" role="region" aria-label={t("desk.bulk.label")}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text size="sm" fw={600} style={{ alignSelf: "center" }}>
          {t("desk.bulk.selected", { count: ids.length })}
        </Text>
        <Select
          label={t("desk.bulk.toGroup")}
          data={groupOptions}
          value={groupId}
          onChange={setGroupId}
          searchable
          clearable
          size="xs"
          w={200}
          data-testid="bulk-group"
        />
        <Button
          size="xs"
          variant="light"
          disabled={!groupId}
          loading={bulk.isPending}
          onClick={() => void run([{ ids, assign: { groupId, assigneeId: null } }])}
          data-testid="bulk-assign-group"
        >
          {t("desk.bulk.assignGroup")}
        </Button>
        <Button size="xs" variant="light" loading={bulk.isPending} onClick={assignToMe} data-testid="bulk-assign-me">
          {t("desk.bulk.assignMe")}
        </Button>
        <Button
          size="xs"
          variant="light"
          loading={bulk.isPending}
          onClick={() => void run([{ ids, action: "acknowledge" }])}
          data-testid="bulk-acknowledge"
        >
          {t("desk.bulk.acknowledge")}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone} data-testid="bulk-clear">
          {t("desk.bulk.clear")}
        </Button>
      </Group>
    </Paper>
  );
}
