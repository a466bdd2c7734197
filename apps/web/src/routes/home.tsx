import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { navigationFor } from "@atende/domain";
import { useCurrentUser } from "../features/auth/components/current-user";

/** Each persona starts on its first navigation item. */
export function HomeRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const first = navigationFor(me.roles)[0];
  if (first) return <Navigate to={first.path} replace />;
  return (
    <Stack py="xl" data-testid="no-access">
      <Title order={1} size="h2">
        {t("home.noAccessTitle")}
      </Title>
      <Text>{t("home.noAccessBody")}</Text>
    </Stack>
  );
}
