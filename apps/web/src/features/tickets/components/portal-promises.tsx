import { List, Paper, Text, Title } from "@mantine/core";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import type { TSlaClock, TTicketDetail } from "@atende/contracts";
import { formatDateTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { clockState } from "../lib/countdown";
import { promiseKey } from "../lib/labels";
import { useNow } from "../lib/use-now";

/** The SLA as the customer reads it: by when we will answer and resolve, not clocks and states. */
export function PortalPromises({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const language = currentLanguage();
  const lines = ticket.clocks
    .flatMap((clock) => promiseLine(clock, now))
    .map(({ kind, key, at }) => ({
      kind,
      text: t(key, { at: at ? formatDateTime(at, language) : "" }),
    }));
  if (lines.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="promises-title" data-testid="portal-promises">
      <Title order={2} size="h5" id="promises-title" mb="xs">
        {t("desk.portal.promisesTitle")}
      </Title>
      <List spacing={4} size="sm">
        {lines.map((line) => (
          <List.Item key={line.kind} data-testid={`promise-${line.kind}`}>
            <Text size="sm">{line.text}</Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

type PromiseLine = { kind: TSlaClock["kind"]; key: ParseKeys; at: string | null };

function promiseLine(clock: TSlaClock, now: number): PromiseLine[] {
  const state = clockState(clock, now);
  if (state === "running" || state === "warning")
    return clock.dueAt ? [{ kind: clock.kind, key: promiseKey(clock.kind), at: clock.dueAt }] : [];
  if (state === "breached") return [{ kind: clock.kind, key: promiseKey(`late.${clock.kind}`), at: null }];
  if (state === "paused") return [{ kind: clock.kind, key: promiseKey(`paused.${clock.kind}`), at: null }];
  return [];
}
