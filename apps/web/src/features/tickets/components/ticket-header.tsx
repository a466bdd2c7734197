import { Alert, Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TTicketDetail } from "@atende/contracts";
import { formatDateTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { channelKey, pauseReasonKey, resolutionKindKey, typeKey } from "../lib/labels";
import { ActionBar } from "./action-bar";
import { PriorityBadge, StatusBadge } from "./ticket-badges";

export function TicketHeader({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mb="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="ticket-title">
            <Text span inherit c="dimmed" ff="monospace" data-testid="ticket-number">
              #{ticket.number}
            </Text>{" "}
            {ticket.subject}
          </Title>
          <Group gap="xs">
            <StatusBadge status={ticket.status} />
            <PriorityBadge code={ticket.priority} />
            <Badge variant="default">{t(typeKey(ticket.type))}</Badge>
            <Badge variant="default">{t(channelKey(ticket.channel))}</Badge>
            {ticket.breached ? (
              <Badge color="red" data-testid="breached-badge">
                {t("desk.ticket.breached")}
              </Badge>
            ) : null}
            <Text size="xs" c="dimmed">
              {t("desk.ticket.createdAt", { at: formatDateTime(ticket.createdAt, currentLanguage()) })}
            </Text>
          </Group>
        </Stack>
        <ActionBar ticket={ticket} />
      </Group>
      {ticket.jobId ? (
        <Alert color="blue" variant="light" data-testid="ticket-job-link">
          {t("desk.ticket.systemTask", { kind: ticket.taskKind ?? "" })}{" "}
          <Anchor component={Link} to={`/operator/jobs/${ticket.jobId}`}>
            {t("desk.ticket.openJob")}
          </Anchor>
        </Alert>
      ) : null}
      {ticket.channelFlag ? (
        <Alert color="orange" variant="light" title={t("desk.ticket.channelFlag")} data-testid="channel-flag">
          {t("desk.ticket.channelFlagHint", { channel: t(channelKey(ticket.channel)) })}
        </Alert>
      ) : null}
      {ticket.status === "pending" && ticket.pauseReason ? (
        <Alert color="yellow" variant="light" data-testid="pause-reason">
          {t("desk.ticket.pausedBecause", {
            reason: t(pauseReasonKey(ticket.pauseReason), { defaultValue: ticket.pauseReason }),
          })}
        </Alert>
      ) : null}
      {ticket.resolutionKind ? (
        <Alert
          color="green"
          variant="light"
          title={t("desk.ticket.resolution", { kind: t(resolutionKindKey(ticket.resolutionKind)) })}
          data-testid="resolution"
        >
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {ticket.resolutionNote}
          </Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
