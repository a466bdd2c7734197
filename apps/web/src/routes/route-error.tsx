import { Button, Center, Code, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

/** What a route shows when rendering it throws, e.g. a screen's code could not be loaded after a deploy. */
export function RouteErrorRoute() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Center mih="60vh" p="md">
      <Stack align="flex-start" gap="sm" maw={640} data-testid="route-error" role="alert">
        <Title order={1} size="h2">
          {t("routeError.title")}
        </Title>
        <Text>{t("routeError.body")}</Text>
        <Code block>{message}</Code>
        <Button onClick={() => window.location.reload()}>{t("actions.reload")}</Button>
      </Stack>
    </Center>
  );
}
