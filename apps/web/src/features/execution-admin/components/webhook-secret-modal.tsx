import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The signing secret, shown this one time: the list never returns it. */
export function WebhookSecretModal({ url, secret, onClose }: { url: string; secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t("execAdmin.webhooks.secretTitle")} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange" variant="light" title={t("execAdmin.webhooks.secretWarningTitle")}>
          {t("execAdmin.webhooks.secretWarning")}
        </Alert>
        <Text size="sm" c="dimmed" style={{ wordBreak: "break-all" }}>
          {url}
        </Text>
        <Code block data-testid="webhook-secret" style={{ wordBreak: "break-all" }}>
          {secret}
        </Code>
        <Text size="xs" c="dimmed">
          {t("execAdmin.webhooks.verifyHint")}
        </Text>
        <Group justify="space-between">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? "teal" : undefined} onClick={copy} data-testid="webhook-copy">
                {copied ? t("execAdmin.webhooks.copied") : t("execAdmin.webhooks.copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="webhook-secret-done">
            {t("execAdmin.webhooks.secretDone")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
