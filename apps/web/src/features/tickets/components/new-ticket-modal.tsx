import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateTicketRequest, type TTicketDetail } from "@atende/contracts";
import { TICKET_CHANNELS, TICKET_TYPES, type TicketChannel, type TicketType } from "@atende/domain";
import { unplacedErrors } from "../../../lib/field-errors";
import { currentLanguage } from "../../../lib/i18n";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { useCan } from "../../auth/components/current-user";
import { useCreateTicket } from "../api/mutations";
import { usePriorityOptions } from "../api/queries";
import { channelKey, priorityLabel, typeKey } from "../lib/labels";

type Mode = "staff" | "portal";
type Values = {
  subject: string;
  description: string;
  channel: TicketChannel;
  type: TicketType;
  priority: string;
  requesterEmail: string;
};

const FIELDS = ["subject", "description", "channel", "type", "priority", "requesterEmail"] as const;
// Agents type in what reached them by phone or mail; "system" and "api" tickets are not filed by hand.
const STAFF_CHANNELS = TICKET_CHANNELS.filter((channel) => channel !== "system" && channel !== "api");

type Props = { mode: Mode; onClose: () => void; onCreated: (ticket: TTicketDetail) => void };

export function NewTicketModal({ mode, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const priorities = usePriorityOptions(useCan("bu.read"));
  const create = useCreateTicket();
  const form = useFormState<Values>({
    subject: "",
    description: "",
    channel: mode === "portal" ? "portal" : "phone",
    type: "incident",
    priority: "",
    requesterEmail: "",
  });
  const language = currentLanguage();
  const priority = form.values.priority || priorities.items[Math.floor(priorities.items.length / 2)]?.code || "";
  const described = priorities.items.find((level) => level.code === priority)?.description;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const body = form.validate(ZCreateTicketRequest, {
      subject: v.subject.trim(),
      description: v.description.trim(),
      channel: mode === "portal" ? "portal" : v.channel,
      type: v.type,
      priority,
      ...(mode === "staff" && v.requesterEmail.trim() ? { requesterEmail: v.requesterEmail.trim() } : {}),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (ticket) => {
        notifications.show({
          color: "teal",
          title: t("desk.newTicket.created", { number: ticket.number }),
          message: t("desk.newTicket.createdHint"),
        });
        if (ticket.channelFlag)
          notifications.show({ color: "orange", message: t("desk.ticket.channelFlag"), autoClose: 8000 });
        onCreated(ticket);
      },
      onError: (error) => form.showServerErrors(error),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t("desk.newTicket.title")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} unplaced={unplacedErrors(form.errors, FIELDS)} />
          <TextInput
            label={t("desk.fields.subject")}
            required
            value={form.values.subject}
            onChange={(e) => form.set("subject", e.currentTarget.value)}
            error={form.errorOf("subject")}
            data-autofocus
            data-testid="new-ticket-subject"
          />
          <Textarea
            label={t("desk.fields.description")}
            required
            autosize
            minRows={4}
            value={form.values.description}
            onChange={(e) => form.set("description", e.currentTarget.value)}
            error={form.errorOf("description")}
            data-testid="new-ticket-description"
          />
          <SimpleGrid cols={{ base: 1, sm: mode === "staff" ? 3 : 2 }}>
            {mode === "staff" ? (
              <Select
                label={t("desk.fields.channel")}
                data={STAFF_CHANNELS.map((channel) => ({ value: channel, label: t(channelKey(channel)) }))}
                value={form.values.channel}
                onChange={(channel) => channel && form.set("channel", channel as TicketChannel)}
                allowDeselect={false}
                error={form.errorOf("channel")}
                data-testid="new-ticket-channel"
              />
            ) : null}
            <Select
              label={t("desk.fields.type")}
              data={TICKET_TYPES.filter((type) => type !== "task").map((type) => ({
                value: type,
                label: t(typeKey(type)),
              }))}
              value={form.values.type}
              onChange={(type) => type && form.set("type", type as TicketType)}
              allowDeselect={false}
              error={form.errorOf("type")}
              data-testid="new-ticket-type"
            />
            <Select
              label={t("desk.fields.priority")}
              data={priorities.items.map((level) => ({ value: level.code, label: priorityLabel(t, level.code) }))}
              value={priority || null}
              onChange={(code) => code && form.set("priority", code)}
              allowDeselect={false}
              disabled={priorities.isLoading}
              error={form.errorOf("priority")}
              data-testid="new-ticket-priority"
            />
          </SimpleGrid>
          {described ? (
            <Text size="xs" c="dimmed" data-testid="priority-description">
              {language === "es" ? described.es : described.en}
            </Text>
          ) : null}
          {mode === "staff" ? (
            <TextInput
              label={t("desk.fields.requesterEmail")}
              type="email"
              value={form.values.requesterEmail}
              onChange={(e) => form.set("requesterEmail", e.currentTarget.value)}
              error={form.errorOf("requesterEmail")}
              data-testid="new-ticket-email"
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="new-ticket-submit">
              {t("desk.newTicket.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
