import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { TWebhook } from "@atende/contracts";
import { FormAlert } from "../../../ui/form-alert";
import { useDeleteWebhook } from "../api/mutations";

export function WebhookDeleteModal({ webhook, onClose }: { webhook: TWebhook; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteWebhook();
  const confirm = () =>
    remove.mutate(webhook.id, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("execAdmin.webhooks.deleted") });
        onClose();
      },
    });
  return (
    <Modal opened onClose={onClose} title={t("execAdmin.webhooks.deleteTitle")}>
      <Stack>
        <FormAlert error={remove.error} />
        <Text style={{ wordBreak: "break-all" }}>{t("execAdmin.webhooks.deleteBody", { url: webhook.url })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("actions.cancel")}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={confirm} data-testid="webhook-delete-confirm">
            {t("execAdmin.webhooks.delete")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
