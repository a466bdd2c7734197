import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TTicket } from "@atende/contracts";

/** What the requester first wrote, above the conversation it started. */
export function TicketDescription({ ticket }: { ticket: Pick<TTicket, "description" | "requesterEmail"> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="ticket-description">
      <Text size="xs" c="dimmed" mb={4}>
        {ticket.requesterEmail
          ? t("desk.ticket.descriptionBy", { requester: ticket.requesterEmail })
          : t("desk.fields.description")}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {ticket.description}
      </Text>
    </Paper>
  );
}
