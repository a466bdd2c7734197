import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZPutNotificationTemplateRequest, type TNotificationTemplate } from "@atende/contracts";
import { EVENT_VARIABLES } from "@atende/domain";
import { unplacedErrors } from "../../../../lib/field-errors";
import { useFormState } from "../../../../lib/use-form-state";
import { FormAlert } from "../../../../ui/form-alert";
import { sdAdminKeys } from "../../api/keys";
import { usePutNotificationTemplate } from "../../api/mutations";
import { useSdLabels } from "../shared/use-sd-labels";
import { useSdValidate } from "../shared/use-sd-validate";
import { TemplateBodyField } from "./template-body-field";

const FIELDS = ["subject", "body"] as const;
type Values = { subject: string; body: string };

/** The text an event sends in one locale; saving a built-in one makes it the tenant's own (version 1). */
export function NotificationTemplateModal({
  template,
  onClose,
}: {
  template: TNotificationTemplate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const client = useQueryClient();
  const form = useFormState<Values>(() => ({ subject: template.subject, body: template.body }));
  const validate = useSdValidate(form.setErrors);
  const put = usePutNotificationTemplate(template.event, template.locale);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.values.subject === template.subject && form.values.body === template.body) return onClose();
    const body = validate(ZPutNotificationTemplateRequest, { ...form.values, version: template.version });
    if (!body) return;
    put.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("sdAdmin.templates.notificationSaved") });
        onClose();
      },
      onError: (error) => form.showServerErrors(error),
    });
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: sdAdminKeys.notificationTemplates() });
    onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("sdAdmin.templates.notificationTitle", { event: labels.event(template.event), locale: template.locale })}
    >
      <form onSubmit={submit} noValidate data-testid="notification-template-form">
        <Stack>
          {template.version === 0 ? (
            <Text size="sm" c="dimmed">
              {t("sdAdmin.templates.builtInHint")}
            </Text>
          ) : null}
          <FormAlert error={put.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <TextInput
            label={t("sdAdmin.templates.subject")}
            required
            value={form.values.subject}
            onChange={(e) => form.set("subject", e.currentTarget.value)}
            error={form.errorOf("subject")}
            data-autofocus
          />
          <TemplateBodyField
            label={t("sdAdmin.templates.body")}
            value={form.values.body}
            onChange={(body) => form.set("body", body)}
            variables={EVENT_VARIABLES[template.event]}
            error={form.errorOf("body")}
            minRows={10}
            testId="notification-template-body"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={put.isPending} data-testid="notification-template-submit">
              {t("actions.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
