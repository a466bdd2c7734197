import { Anchor, Button, Center, Checkbox, Group, ScrollArea, Table, Text } from "@mantine/core";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { TTicket } from "@atende/contracts";
import type { PagedList } from "../../../lib/paged-list";
import { EmptyState } from "../../../ui/empty-state";
import { ErrorState } from "../../../ui/error-state";
import { LoadingState } from "../../../ui/loading-state";
import { DueCountdown, PriorityBadge, StatusBadge } from "./ticket-badges";

type Props = {
  list: PagedList<TTicket>;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  selectable: boolean;
  groupName: (id: string | null) => string;
  agentName: (id: string | null) => string;
  emptyTitle: string;
  emptyDescription?: string;
};

export const ticketPath = (ticket: Pick<TTicket, "id">) => `/operator/queue/${ticket.id}`;

/** The queue: a row opens its ticket; the subject link is the keyboard's way in, the checkbox picks it for bulk changes. */
export function QueueTable({ list, emptyTitle, emptyDescription, ...rest }: Props) {
  const { t } = useTranslation();
  const state = list.isLoading
    ? "loading"
    : list.error && list.rows.length === 0
      ? "error"
      : list.rows.length === 0
        ? "empty"
        : "ready";
  return (
    <div data-testid="queue-table" data-state={state}>
      {state === "loading" ? <LoadingState /> : null}
      {state === "error" ? <ErrorState error={list.error} onRetry={list.refetch} /> : null}
      {state === "empty" ? <EmptyState title={emptyTitle} description={emptyDescription} /> : null}
      {state === "ready" ? <Rows list={list} {...rest} /> : null}
      {state === "ready" && list.error ? <ErrorState error={list.error} onRetry={list.loadMore} /> : null}
      {state === "ready" && list.hasMore ? (
        <Center mt="md">
          <Button variant="default" onClick={list.loadMore} loading={list.isLoadingMore} data-testid="load-more">
            {t("actions.loadMore")}
          </Button>
        </Center>
      ) : null}
    </div>
  );
}

function Rows({
  list,
  selected,
  onSelect,
  selectable,
  groupName,
  agentName,
}: Omit<Props, "emptyTitle" | "emptyDescription">) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ids = list.rows.map((ticket) => ticket.id);
  const chosen = ids.filter((id) => selected.has(id)).length;
  const open = (ticket: TTicket) => (event: MouseEvent) => {
    // Clicks on the link and the checkbox do their own thing; text selection is not a click to open.
    if ((event.target as HTMLElement).closest("a, input, label, button") || window.getSelection()?.toString()) return;
    navigate(ticketPath(ticket));
  };
  return (
    <ScrollArea type="auto">
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Caption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
          {t("desk.queue.caption")}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {selectable ? (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t("desk.queue.selectAll")}
                  checked={chosen > 0 && chosen === ids.length}
                  indeterminate={chosen > 0 && chosen < ids.length}
                  onChange={(event) => onSelect(ids, event.currentTarget.checked)}
                  data-testid="select-all"
                />
              </Table.Th>
            ) : null}
            <Table.Th scope="col">{t("desk.fields.number")}</Table.Th>
            <Table.Th scope="col">{t("desk.fields.subject")}</Table.Th>
            <Table.Th scope="col">{t("desk.fields.priority")}</Table.Th>
            <Table.Th scope="col">{t("desk.fields.status")}</Table.Th>
            <Table.Th scope="col">{t("desk.fields.group")}</Table.Th>
            <Table.Th scope="col">{t("desk.fields.assignee")}</Table.Th>
            <Table.Th scope="col">{t("desk.fields.nextDue")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.rows.map((ticket) => (
            <Table.Tr
              key={ticket.id}
              onClick={open(ticket)}
              style={{ cursor: "pointer" }}
              data-testid={`ticket-row-${ticket.number}`}
              data-id={ticket.id}
            >
              {selectable ? (
                <Table.Td>
                  <Checkbox
                    aria-label={t("desk.queue.selectTicket", { number: ticket.number })}
                    checked={selected.has(ticket.id)}
                    onChange={(event) => onSelect([ticket.id], event.currentTarget.checked)}
                    data-testid={`select-${ticket.number}`}
                  />
                </Table.Td>
              ) : null}
              <Table.Td>
                <Text span size="sm" ff="monospace">
                  #{ticket.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={ticketPath(ticket)} size="sm" fw={500}>
                    {ticket.subject}
                  </Anchor>
                  {ticket.channelFlag ? (
                    <Text
                      span
                      c="orange"
                      size="xs"
                      title={t("desk.ticket.channelFlag")}
                      aria-label={t("desk.ticket.channelFlag")}
                    >
                      ⚠
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <PriorityBadge code={ticket.priority} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={ticket.status} />
              </Table.Td>
              <Table.Td>
                <Text span size="sm">
                  {groupName(ticket.groupId)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text span size="sm" c={ticket.assigneeId ? undefined : "dimmed"}>
                  {agentName(ticket.assigneeId)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DueCountdown dueAt={ticket.nextDueAt} breached={ticket.breached} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
