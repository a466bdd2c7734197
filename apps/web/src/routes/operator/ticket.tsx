import { Anchor, Grid, Stack, Tabs } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TTicketDetail, TTicketMessage } from "@atende/contracts";
import { LiveIndicator } from "../../features/live/live-indicator";
import { useLiveTickets } from "../../features/live/use-live-tickets";
import { useTicket, useTicketEvents, useTicketMessages } from "../../features/tickets/api/queries";
import { AssignmentPanel } from "../../features/tickets/components/assignment-panel";
import { ClassificationPanel } from "../../features/tickets/components/classification-panel";
import { ClocksPanel } from "../../features/tickets/components/clocks-panel";
import { Composer } from "../../features/tickets/components/composer";
import { MessageList } from "../../features/tickets/components/message-list";
import { TagsEditor } from "../../features/tickets/components/tags-editor";
import { TicketDescription } from "../../features/tickets/components/ticket-description";
import { TicketHeader } from "../../features/tickets/components/ticket-header";
import { TicketHistory } from "../../features/tickets/components/ticket-history";
import type { TemplateVariables } from "../../features/tickets/lib/reply-template";
import { useCurrentUser } from "../../features/auth/components/current-user";
import { ErrorState } from "../../ui/error-state";
import { LoadingState } from "../../ui/loading-state";

export function TicketRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const live = useLiveTickets();
  const ticket = useTicket(id);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/operator/queue" size="sm" w="fit-content" data-testid="back-to-queue">
        ← {t("nav.operator.queue")}
      </Anchor>
      {ticket.isPending ? <LoadingState /> : null}
      {ticket.error ? <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} /> : null}
      {ticket.data ? <TicketWorkspace ticket={ticket.data} live={<LiveIndicator status={live} />} /> : null}
    </Stack>
  );
}

function TicketWorkspace({ ticket, live }: { ticket: TTicketDetail; live: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [tab, setTab] = useState<string | null>("conversation");
  const messages = useTicketMessages(ticket.id);
  const events = useTicketEvents(ticket.id, tab === "history");
  const variables = templateVariables(ticket, messages.data ?? [], me.name);
  return (
    <div data-testid="ticket-page" data-status={ticket.status} data-version={ticket.version}>
      <TicketHeader ticket={ticket} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs value={tab} onChange={setTab}>
            <Tabs.List aria-label={t("desk.ticket.sections")}>
              <Tabs.Tab value="conversation" data-testid="tab-conversation">
                {t("desk.conversation.title")}
              </Tabs.Tab>
              <Tabs.Tab value="history" data-testid="tab-history">
                {t("desk.history.title")}
              </Tabs.Tab>
              <div style={{ marginLeft: "auto", alignSelf: "center" }}>{live}</div>
            </Tabs.List>
            <Tabs.Panel value="conversation" pt="md">
              <Stack gap="md">
                <TicketDescription ticket={ticket} />
                {messages.isPending ? <LoadingState /> : null}
                {messages.error ? <ErrorState error={messages.error} onRetry={() => void messages.refetch()} /> : null}
                {messages.data ? <MessageList messages={messages.data} viewer="staff" /> : null}
                <Composer ticket={ticket} variables={variables} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <TicketHistory
                events={events.data}
                isLoading={events.isPending}
                error={events.error}
                onRetry={() => void events.refetch()}
              />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <ClocksPanel ticket={ticket} />
            {/* Keyed on what each panel edits: a change made elsewhere replaces the form, an unrelated one keeps a draft. */}
            <ClassificationPanel key={`${ticket.type}:${ticket.priority}`} ticket={ticket} />
            <AssignmentPanel key={`${ticket.groupId}:${ticket.assigneeId}`} ticket={ticket} />
            <TagsEditor key={ticket.tags.join("\u0000")} ticket={ticket} />
          </Stack>
        </Grid.Col>
      </Grid>
    </div>
  );
}

/** What a reply template may name that the page already knows; the rest stays for the agent to fill. */
function templateVariables(ticket: TTicketDetail, messages: TTicketMessage[], agentName: string): TemplateVariables {
  // An e-mail address is no name to greet someone by: without a name on record or a reply from the requester, the
  // agent fills it in.
  const replied = messages.find((message) => message.authorKind === "requester")?.authorLabel;
  return {
    customerName: ticket.requesterName ?? replied,
    ticketNumber: ticket.number,
    subject: ticket.subject,
    agentName,
  };
}
