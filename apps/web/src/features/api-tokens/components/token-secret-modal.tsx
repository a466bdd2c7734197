import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The token secret, shown this one time: the server keeps only its hash. */
export function TokenSecretModal({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t("apiTokens.secretTitle", { name })} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange" variant="light" title={t("apiTokens.secretWarningTitle")}>
          {t("apiTokens.secretWarning")}
        </Alert>
        <Text size="sm">{t("apiTokens.secretLabel")}</Text>
        <Code block data-testid="api-token-secret" style={{ wordBreak: "break-all" }}>
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? "teal" : undefined} onClick={copy} data-testid="api-token-copy">
                {copied ? t("apiTokens.copied") : t("apiTokens.copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="api-token-secret-done">
            {t("apiTokens.secretDone")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
