import { Alert, Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TTicketDetail } from "@atende/contracts";
import { RESOLVED_STATUSES } from "@atende/domain";
import { LiveIndicator } from "../../features/live/live-indicator";
import { useLiveTickets } from "../../features/live/use-live-tickets";
import { useTicketAction } from "../../features/tickets/api/mutations";
import { useTicket, useTicketMessages } from "../../features/tickets/api/queries";
import { MessageList } from "../../features/tickets/components/message-list";
import { PortalPromises } from "../../features/tickets/components/portal-promises";
import { PortalReply } from "../../features/tickets/components/portal-reply";
import { SurveyForm } from "../../features/tickets/components/survey-form";
import { StatusBadge } from "../../features/tickets/components/ticket-badges";
import { TicketDescription } from "../../features/tickets/components/ticket-description";
import { actionKey, resolutionKindKey } from "../../features/tickets/lib/labels";
import { notifyTicketError } from "../../features/tickets/lib/notify-error";
import { ErrorState } from "../../ui/error-state";
import { LoadingState } from "../../ui/loading-state";

export function PortalTicketRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const live = useLiveTickets();
  const ticket = useTicket(id);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Anchor component={Link} to="/portal/tickets" size="sm" w="fit-content">
          ← {t("nav.portal.tickets")}
        </Anchor>
        <LiveIndicator status={live} />
      </Group>
      {ticket.isPending ? <LoadingState /> : null}
      {ticket.error ? <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} /> : null}
      {ticket.data ? <PortalTicket ticket={ticket.data} /> : null}
    </Stack>
  );
}

function PortalTicket({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  const messages = useTicketMessages(ticket.id);
  const resolved = RESOLVED_STATUSES.includes(ticket.status);
  return (
    <Stack gap="md" data-testid="portal-ticket" data-status={ticket.status}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2">
            <Text span inherit c="dimmed" ff="monospace" data-testid="portal-ticket-number">
              #{ticket.number}
            </Text>{" "}
            {ticket.subject}
          </Title>
          <Group gap="xs">
            <StatusBadge status={ticket.status} />
          </Group>
        </Stack>
        <PortalActions ticket={ticket} />
      </Group>
      {ticket.channelFlag ? (
        <Alert color="orange" variant="light" data-testid="channel-flag">
          {t("desk.portal.channelFlag")}
        </Alert>
      ) : null}
      {ticket.resolutionKind ? (
        <Alert
          color="green"
          variant="light"
          title={t("desk.portal.resolved", { kind: t(resolutionKindKey(ticket.resolutionKind)) })}
          data-testid="resolution"
        >
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {ticket.resolutionNote}
          </Text>
        </Alert>
      ) : null}
      {resolved ? null : <PortalPromises ticket={ticket} />}
      <SurveyForm ticketId={ticket.id} enabled={resolved} />
      <TicketDescription ticket={ticket} />
      {messages.isPending ? <LoadingState /> : null}
      {messages.error ? <ErrorState error={messages.error} onRetry={() => void messages.refetch()} /> : null}
      {messages.data ? <MessageList messages={messages.data} viewer="requester" /> : null}
      {ticket.status === "closed" ? (
        <Text size="sm" c="dimmed">
          {t("desk.portal.closed")}
        </Text>
      ) : (
        <PortalReply ticketId={ticket.id} />
      )}
    </Stack>
  );
}

/** A resolved ticket is the customer's to confirm (close) or send back (reopen), when the API allows it. */
function PortalActions({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  const action = useTicketAction(ticket.id);
  const available = (["close", "reopen"] as const).filter((name) => ticket.allowedActions.includes(name));
  if (available.length === 0) return null;
  return (
    <Group gap="xs">
      {available.map((name) => (
        <Button
          key={name}
          variant="light"
          color={name === "reopen" ? "orange" : "gray"}
          loading={action.isPending && action.variables?.action === name}
          onClick={() =>
            action.mutate(
              { action: name, version: ticket.version },
              {
                onSuccess: () =>
                  notifications.show({
                    color: "teal",
                    message: t("desk.ticket.actionDone", { action: t(actionKey(name)) }),
                  }),
                onError: (error) => notifyTicketError(error, t),
              },
            )
          }
          data-testid={`portal-action-${name}`}
        >
          {name === "close" ? t("desk.portal.confirmClose") : t(actionKey(name))}
        </Button>
      ))}
    </Group>
  );
}
