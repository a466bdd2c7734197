import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TSlaClock, TTicketDetail } from "@atende/contracts";
import { formatDateTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { CLOCK_STATE_COLORS, clockState, formatDuration, msUntil, showsCountdown } from "../lib/countdown";
import { clockKindKey, clockStateKey } from "../lib/labels";
import { useNow } from "../lib/use-now";

export function ClocksPanel({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="clocks-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5" id="clocks-title">
          {t("desk.clocks.title")}
        </Title>
        <Badge variant="light" color={ticket.escalationLevel > 0 ? "red" : "gray"} data-testid="escalation-level">
          {t("desk.clocks.escalation", { level: ticket.escalationLevel })}
        </Badge>
      </Group>
      {ticket.clocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {ticket.slaPolicyId ? t("desk.clocks.none") : t("desk.clocks.noPolicy")}
        </Text>
      ) : (
        <Stack gap="sm">
          {ticket.clocks.map((clock) => (
            <ClockRow key={clock.kind} clock={clock} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function ClockRow({ clock }: { clock: TSlaClock }) {
  const { t } = useTranslation();
  const now = useNow();
  const state = clockState(clock, now);
  const left = msUntil(clock.dueAt, now);
  const color = CLOCK_STATE_COLORS[state];
  const countdown =
    showsCountdown(state) && left !== null
      ? left < 0
        ? t("desk.countdown.overdue", { time: formatDuration(left) })
        : t("desk.countdown.left", { time: formatDuration(left) })
      : null;
  return (
    <Stack gap={2} data-testid={`clock-${clock.kind}`} data-state={state}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t(clockKindKey(clock.kind))}
        </Text>
        <Badge
          color={color}
          variant={state === "met" ? "light" : "filled"}
          leftSection={state === "met" ? "✓" : undefined}
        >
          {t(clockStateKey(state))}
        </Badge>
      </Group>
      {countdown ? (
        <Text size="lg" fw={700} c={color} ff="monospace" aria-live="off">
          {countdown}
        </Text>
      ) : null}
      {clock.dueAt ? (
        <Text size="xs" c="dimmed">
          {t("desk.clocks.due", { at: formatDateTime(clock.dueAt, currentLanguage()) })}
        </Text>
      ) : null}
    </Stack>
  );
}
