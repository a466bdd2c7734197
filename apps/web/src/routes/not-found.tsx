import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm" data-testid="not-found" py="xl">
      <Title order={1} size="h2">
        {t("notFound.title")}
      </Title>
      <Text>{t("notFound.body")}</Text>
      <Button component={Link} to="/" variant="light">
        {t("actions.goHome")}
      </Button>
    </Stack>
  );
}
