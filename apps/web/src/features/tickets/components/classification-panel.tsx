import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TTicketDetail } from "@atende/contracts";
import { TICKET_TYPES, type TicketType } from "@atende/domain";
import { formatDateTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useClassifyTicket } from "../api/mutations";
import { usePriorityOptions } from "../api/queries";
import { priorityLabel, typeKey } from "../lib/labels";
import { notifyTicketError } from "../lib/notify-error";

/** The requester's proposal stays visible next to the agent's final classification, which governs the SLA. */
export function ClassificationPanel({ ticket }: { ticket: TTicketDetail }) {
  const { t } = useTranslation();
  const priorities = usePriorityOptions(true);
  const classify = useClassifyTicket(ticket.id);
  const [type, setType] = useState<TicketType>(ticket.type);
  const [priority, setPriority] = useState(ticket.priority);
  const changed = type !== ticket.type || priority !== ticket.priority;
  const classified = ticket.finalClassifiedAt !== null;

  const save = () =>
    classify.mutate(
      { type, priority, version: ticket.version },
      {
        onSuccess: () => notifications.show({ color: "teal", message: t("desk.classification.saved") }),
        onError: (error) => notifyTicketError(error, t),
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="classification-title">
      <Title order={2} size="h5" id="classification-title" mb="sm">
        {t("desk.classification.title")}
      </Title>
      <Stack gap="sm">
        <Text size="sm" data-testid="classification-proposed">
          {t("desk.classification.proposed", {
            type: t(typeKey(ticket.proposedType)),
            priority: priorityLabel(t, ticket.proposedPriority),
          })}
        </Text>
        <Text size="sm" c={classified ? undefined : "orange"} data-testid="classification-final">
          {classified
            ? t("desk.classification.final", { at: formatDateTime(ticket.finalClassifiedAt, currentLanguage()) })
            : t("desk.classification.notYet")}
        </Text>
        <SimpleGrid cols={2}>
          <Select
            label={t("desk.fields.type")}
            data={TICKET_TYPES.map((value) => ({ value, label: t(typeKey(value)) }))}
            value={type}
            onChange={(value) => value && setType(value as TicketType)}
            allowDeselect={false}
            data-testid="classification-type"
          />
          <Select
            label={t("desk.fields.priority")}
            data={priorities.items.map((level) => ({ value: level.code, label: priorityLabel(t, level.code) }))}
            value={priority}
            onChange={(value) => value && setPriority(value)}
            allowDeselect={false}
            data-testid="classification-priority"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            size="xs"
            onClick={save}
            loading={classify.isPending}
            disabled={classified && !changed}
            data-testid="classification-submit"
          >
            {t("desk.classification.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
