import { Center, Group, Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { SigningPanel } from "../features/execution/components/signing/signing-panel";
import { LanguageSwitcher } from "../ui/language-switcher";

/** The signing link sent by email or shown as a QR code: outside the signed-in shell, the token is the only key. */
export function PublicSignRoute() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={860} maw="100%">
        <Stack>
          <Group justify="space-between" align="center">
            <Title order={1} size="h3">
              {t("exec.signing.pageTitle")}
            </Title>
            <LanguageSwitcher />
          </Group>
          <SigningPanel source={{ kind: "public", token }} />
        </Stack>
      </Paper>
    </Center>
  );
}
