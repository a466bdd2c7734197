import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TTicketMessage } from "@atende/contracts";
import { formatDateTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { EmptyState } from "../../../ui/empty-state";

/** The conversation, oldest first. Internal notes look nothing like replies, so no one mistakes what the customer saw. */
export function MessageList({ messages, viewer }: { messages: TTicketMessage[]; viewer: "staff" | "requester" }) {
  const { t } = useTranslation();
  if (messages.length === 0) return <EmptyState title={t("desk.conversation.empty")} />;
  return (
    <Stack gap="sm" data-testid="conversation" role="list" aria-label={t("desk.conversation.title")}>
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} viewer={viewer} />
      ))}
    </Stack>
  );
}

function MessageItem({ message, viewer }: { message: TTicketMessage; viewer: "staff" | "requester" }) {
  const { t } = useTranslation();
  const internal = message.visibility === "internal";
  const own = (viewer === "staff") === (message.authorKind === "staff");
  return (
    <Paper
      role="listitem"
      withBorder
      p="sm"
      ml={own ? "xl" : 0}
      mr={own ? 0 : "xl"}
      bg={
        internal
          ? "var(--mantine-color-yellow-light)"
          : message.authorKind === "system"
            ? "var(--mantine-color-gray-light)"
            : undefined
      }
      style={internal ? { borderStyle: "dashed", borderColor: "var(--mantine-color-yellow-filled)" } : undefined}
      data-testid={`message-${message.id}`}
      data-visibility={message.visibility}
    >
      <Group justify="space-between" mb={4} wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {message.authorKind === "system" ? t("desk.conversation.system") : message.authorLabel}
          </Text>
          {internal ? (
            <Badge size="xs" color="yellow" variant="filled">
              {t("desk.conversation.internal")}
            </Badge>
          ) : viewer === "staff" ? (
            <Badge size="xs" color="blue" variant="light">
              {t("desk.conversation.public")}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(message.createdAt, currentLanguage())}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {message.body}
      </Text>
    </Paper>
  );
}
