import { Button, Checkbox, Group, Modal, Stack, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZWebhookInput, type ZWebhookCreated } from "@atende/contracts";
import type { z } from "zod";
import { unplacedErrors } from "../../../lib/field-errors";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { useCreateWebhook } from "../api/mutations";
import { webhookEventKey } from "../lib/labels";

export const WEBHOOK_EVENTS = ZWebhookInput.shape.events.element.options;

const FIELDS = ["url", "events"] as const;
type Values = { url: string; events: string[] };

/** Registers an endpoint; its secret comes back once and is handed to `onCreated` to show. */
export function WebhookCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (created: z.output<typeof ZWebhookCreated>) => void;
}) {
  const { t } = useTranslation();
  const form = useFormState<Values>({ url: "", events: [...WEBHOOK_EVENTS] });
  const create = useCreateWebhook();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(ZWebhookInput, { url: form.values.url.trim(), events: form.values.events });
    if (body) create.mutate(body, { onSuccess: onCreated, onError: (error) => form.showServerErrors(error) });
  };

  return (
    <Modal opened onClose={onClose} title={t("execAdmin.webhooks.createTitle")} size="lg">
      <form onSubmit={submit} noValidate data-testid="webhook-form">
        <Stack>
          <FormAlert error={create.error} unplaced={unplacedErrors(form.errors, FIELDS)} />
          <TextInput
            label={t("execAdmin.webhooks.fields.url")}
            description={t("execAdmin.webhooks.hints.url")}
            placeholder="https://"
            required
            type="url"
            value={form.values.url}
            onChange={(e) => form.set("url", e.currentTarget.value)}
            error={form.errorOf("url")}
            data-testid="webhook-url"
            data-autofocus
          />
          <Checkbox.Group
            label={t("execAdmin.webhooks.fields.events")}
            description={t("execAdmin.webhooks.hints.events")}
            required
            value={form.values.events}
            onChange={(events) => form.set("events", events)}
            error={form.errorOf("events")}
          >
            <Stack gap="xs" mt="xs">
              {WEBHOOK_EVENTS.map((name) => (
                <Checkbox key={name} value={name} label={`${t(webhookEventKey(name))} (${name})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="webhook-submit">
              {t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
