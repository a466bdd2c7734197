import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { TApiToken } from "@atende/contracts";
import { FormAlert } from "../../../ui/form-alert";
import { useRevokeApiToken } from "../api/mutations";

export function RevokeApiTokenModal({ token, onClose }: { token: TApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();
  const confirm = () =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("apiTokens.revoked", { name: token.name }) });
        onClose();
      },
    });
  return (
    <Modal opened onClose={onClose} title={t("apiTokens.revokeTitle")}>
      <Stack>
        <FormAlert error={revoke.error} />
        <Text>{t("apiTokens.revokeBody", { name: token.name, prefix: token.prefix })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("actions.cancel")}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={confirm} data-testid="api-token-revoke-confirm">
            {t("apiTokens.revoke")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
