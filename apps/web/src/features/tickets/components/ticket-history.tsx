import { Code, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TTicketEvent } from "@atende/contracts";
import { formatDateTime, formatValue } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { EmptyState } from "../../../ui/empty-state";
import { ErrorState } from "../../../ui/error-state";
import { LoadingState } from "../../../ui/loading-state";
import { eventLabel } from "../lib/labels";

type Props = { events: TTicketEvent[] | undefined; isLoading: boolean; error: unknown; onRetry: () => void };

/** Newest first: agents open the history to see what just happened. */
export function TicketHistory({ events, isLoading, error, onRetry }: Props) {
  const { t } = useTranslation();
  if (isLoading) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (!events || events.length === 0) return <EmptyState title={t("desk.history.empty")} />;
  const language = currentLanguage();
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="ticket-history">
      {[...events].reverse().map((event) => (
        <Timeline.Item
          key={event.id}
          title={eventLabel(t, event.type)}
          data-testid="history-event"
          data-type={event.type}
        >
          <Text size="xs" c="dimmed">
            {t("desk.history.by", { actor: event.actorLabel, at: formatDateTime(event.at, language) })}
          </Text>
          {hasDetails(event.data) ? (
            <Code block fz="xs" mt={4}>
              {formatValue(event.data)}
            </Code>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

const hasDetails = (data: unknown) =>
  data !== null && data !== undefined && !(typeof data === "object" && Object.keys(data).length === 0);
