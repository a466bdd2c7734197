import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketStatus } from "@atende/domain";
import { formatDateTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { formatDuration, DUE_TONE_COLORS, dueTone, msUntil } from "../lib/countdown";
import { priorityLabel, statusKey } from "../lib/labels";
import { useNow } from "../lib/use-now";

const STATUS_COLORS: Record<TicketStatus, string> = {
  new: "blue",
  open: "cyan",
  in_progress: "teal",
  pending: "yellow",
  resolved: "green",
  closed: "gray",
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="status-badge" data-status={status}>
      {t(statusKey(status))}
    </Badge>
  );
}

const PRIORITY_COLORS: Record<string, string> = { high: "red", medium: "orange", low: "gray" };

export function PriorityBadge({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLORS[code] ?? "violet"} variant="outline" data-testid="priority-badge">
      {priorityLabel(t, code)}
    </Badge>
  );
}

/** The next SLA target of a queue row, counting down every second. */
export function DueCountdown({ dueAt, breached }: { dueAt: string | null; breached: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  const tone = dueTone(dueAt, breached, now);
  const left = msUntil(dueAt, now);
  const text =
    left === null
      ? breached
        ? t("desk.countdown.breached")
        : "—"
      : left < 0
        ? t("desk.countdown.overdue", { time: formatDuration(left) })
        : formatDuration(left);
  return (
    <Text
      span
      size="sm"
      fw={600}
      c={DUE_TONE_COLORS[tone]}
      data-testid="due-countdown"
      data-tone={tone}
      title={dueAt ? formatDateTime(dueAt, currentLanguage()) : undefined}
    >
      {text}
    </Text>
  );
}
