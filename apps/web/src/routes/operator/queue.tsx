import { Button, Group, Tabs } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { LiveIndicator } from "../../features/live/live-indicator";
import { useLiveTickets } from "../../features/live/use-live-tickets";
import { useTicketList } from "../../features/tickets/api/queries";
import { BulkBar } from "../../features/tickets/components/bulk-bar";
import { NewTicketModal } from "../../features/tickets/components/new-ticket-modal";
import { QueueFilters } from "../../features/tickets/components/queue-filters";
import { QueueTable, ticketPath } from "../../features/tickets/components/queue-table";
import { viewKey } from "../../features/tickets/lib/labels";
import {
  hasNarrowingFilters,
  QUEUE_FILTER_KEYS,
  QUEUE_VIEWS,
  toListParams,
} from "../../features/tickets/lib/queue-params";
import { usePeople } from "../../features/tickets/lib/use-people";
import { useUrlFilters } from "../../lib/url-filters";
import { PageHeader } from "../../ui/page-header";

export function QueueRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const live = useLiveTickets();
  const [filters, setFilters] = useUrlFilters(QUEUE_FILTER_KEYS);
  const params = useMemo(() => toListParams(filters), [filters]);
  const list = useTicketList(params);
  const people = usePeople();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  // A selection made in one view must not be applied to rows of another.
  useEffect(() => setSelected(new Set()), [params]);

  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const chosen = list.rows.filter((ticket) => selected.has(ticket.id));
  const narrowed = hasNarrowingFilters(params);

  return (
    <>
      <PageHeader
        title={t("nav.operator.queue")}
        description={t("desk.queue.description")}
        actions={
          <Group gap="sm">
            <LiveIndicator status={live} />
            <Button onClick={() => setCreating(true)} data-testid="new-ticket">
              {t("desk.newTicket.open")}
            </Button>
          </Group>
        }
      />
      <Tabs
        value={params.view}
        onChange={(view) => setFilters({ view: view === "open" ? null : view })}
        keepMounted={false}
        mb="md"
      >
        <Tabs.List aria-label={t("desk.queue.views")}>
          {QUEUE_VIEWS.map((view) => (
            <Tabs.Tab key={view} value={view} data-testid={`view-${view}`}>
              {t(viewKey(view))}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={params.view} pt="md">
          <QueueFilters filters={filters} onChange={setFilters} groupOptions={people.groupOptions} />
          {chosen.length > 0 ? (
            <BulkBar
              tickets={chosen}
              meId={people.me.id}
              groupOptions={people.groupOptions}
              onDone={() => setSelected(new Set())}
            />
          ) : null}
          <QueueTable
            list={list}
            selected={selected}
            onSelect={select}
            selectable
            groupName={people.groupName}
            agentName={people.agentName}
            emptyTitle={narrowed ? t("common.noMatches") : t("desk.queue.empty")}
            emptyDescription={narrowed ? t("common.noMatchesHint") : t("desk.queue.emptyHint")}
          />
        </Tabs.Panel>
      </Tabs>
      {creating ? (
        <NewTicketModal
          mode="staff"
          onClose={() => setCreating(false)}
          onCreated={(ticket) => navigate(ticketPath(ticket))}
        />
      ) : null}
    </>
  );
}
