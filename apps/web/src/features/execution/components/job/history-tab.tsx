import { Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import { EmptyState } from "../../../../ui/empty-state";
import { ErrorState } from "../../../../ui/error-state";
import { LoadingState } from "../../../../ui/loading-state";
import { useJobHistory } from "../../api/queries";
import { newestFirst } from "../../lib/history-order";
import { eventLabel } from "../../lib/labels";

/** Numbered events of the domain catalogue ("127 · Contract signature in paper"), newest first. */
export function HistoryTab({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const history = useJobHistory(jobId, true);
  if (history.isPending) return <LoadingState />;
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState title={t("exec.history.empty")} />;
  const language = currentLanguage();
  const events = newestFirst(history.data);
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="job-history">
      {events.map((event) => (
        <Timeline.Item
          key={event.id}
          title={`${event.code} · ${eventLabel(t, event)}`}
          data-testid="job-event"
          data-code={event.code}
        >
          <Text size="xs" c="dimmed">
            {t("exec.history.by", { actor: event.actorLabel, at: formatDateTime(event.at, language) })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
