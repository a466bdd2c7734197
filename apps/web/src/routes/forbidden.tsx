import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function ForbiddenRoute() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm" data-testid="forbidden" py="xl">
      <Title order={1} size="h2">
        {t("forbidden.title")}
      </Title>
      <Text>{t("forbidden.body")}</Text>
      <Button component={Link} to="/" variant="light">
        {t("actions.goHome")}
      </Button>
    </Stack>
  );
}
