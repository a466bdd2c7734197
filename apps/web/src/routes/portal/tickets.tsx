import { Anchor, Button, Center, Group, ScrollArea, Select, Table, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { TTicket } from "@atende/contracts";
import { TICKET_STATUSES, RESOLVED_STATUSES } from "@atende/domain";
import { LiveIndicator } from "../../features/live/live-indicator";
import { useLiveTickets } from "../../features/live/use-live-tickets";
import { useTicketList } from "../../features/tickets/api/queries";
import type { TicketListParams } from "../../features/tickets/api/keys";
import { NewTicketModal } from "../../features/tickets/components/new-ticket-modal";
import { StatusBadge } from "../../features/tickets/components/ticket-badges";
import { statusKey } from "../../features/tickets/lib/labels";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { useUrlFilters } from "../../lib/url-filters";
import { EmptyState } from "../../ui/empty-state";
import { ErrorState } from "../../ui/error-state";
import { LoadingState } from "../../ui/loading-state";
import { PageHeader } from "../../ui/page-header";

export const portalTicketPath = (ticket: Pick<TTicket, "id">) => `/portal/tickets/${ticket.id}`;

export function PortalTicketsRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const live = useLiveTickets();
  const [filters, setFilters] = useUrlFilters(["status"] as const);
  const status = TICKET_STATUSES.find((value) => value === filters.status);
  const params: TicketListParams = useMemo(() => ({ view: "all", sort: "-createdAt", status }), [status]);
  const list = useTicketList(params);
  const [creating, setCreating] = useState(false);
  const state = list.isLoading
    ? "loading"
    : list.error && list.rows.length === 0
      ? "error"
      : list.rows.length === 0
        ? "empty"
        : "ready";

  return (
    <>
      <PageHeader
        title={t("nav.portal.tickets")}
        description={t("desk.portal.description")}
        actions={
          <Group gap="sm">
            <LiveIndicator status={live} />
            <Button onClick={() => setCreating(true)} data-testid="portal-new-ticket">
              {t("desk.newTicket.open")}
            </Button>
          </Group>
        }
      />
      <Group mb="md">
        <Select
          label={t("desk.fields.status")}
          placeholder={t("common.all")}
          data={TICKET_STATUSES.map((value) => ({ value, label: t(statusKey(value)) }))}
          value={status ?? null}
          onChange={(value) => setFilters({ status: value })}
          clearable
          w={200}
        />
      </Group>
      <div data-testid="portal-tickets" data-state={state}>
        {state === "loading" ? <LoadingState /> : null}
        {state === "error" ? <ErrorState error={list.error} onRetry={list.refetch} /> : null}
        {state === "empty" ? (
          <EmptyState
            title={status ? t("common.noMatches") : t("desk.portal.empty")}
            description={status ? t("common.noMatchesHint") : t("desk.portal.emptyHint")}
          />
        ) : null}
        {state === "ready" ? <PortalTable tickets={list.rows} /> : null}
        {state === "ready" && list.hasMore ? (
          <Center mt="md">
            <Button variant="default" onClick={list.loadMore} loading={list.isLoadingMore} data-testid="load-more">
              {t("actions.loadMore")}
            </Button>
          </Center>
        ) : null}
      </div>
      {creating ? (
        <NewTicketModal
          mode="portal"
          onClose={() => setCreating(false)}
          onCreated={(ticket) => navigate(portalTicketPath(ticket))}
        />
      ) : null}
    </>
  );
}

function PortalTable({ tickets }: { tickets: TTicket[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ScrollArea type="auto">
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
          {t("nav.portal.tickets")}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("desk.fields.number")}</Table.Th>
            <Table.Th scope="col">{t("desk.fields.subject")}</Table.Th>
            <Table.Th scope="col">{t("desk.fields.status")}</Table.Th>
            <Table.Th scope="col">{t("desk.portal.expected")}</Table.Th>
            <Table.Th scope="col">{t("common.updatedAt")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => (
            <Table.Tr key={ticket.id} data-testid={`portal-ticket-${ticket.number}`} data-id={ticket.id}>
              <Table.Td>
                <Text span size="sm" ff="monospace">
                  #{ticket.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={portalTicketPath(ticket)} size="sm" fw={500}>
                  {ticket.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={ticket.status} />
              </Table.Td>
              <Table.Td>
                <Text span size="sm" c={ticket.nextDueAt ? undefined : "dimmed"}>
                  {!RESOLVED_STATUSES.includes(ticket.status) && ticket.nextDueAt
                    ? t("desk.portal.expectedBy", { at: formatDateTime(ticket.nextDueAt, language) })
                    : "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text span size="sm">
                  {formatDateTime(ticket.updatedAt, language)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
