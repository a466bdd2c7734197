import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { navigationFor } from "@atende/domain";
import { useCurrentUser } from "../features/auth/components/current-user";

/**
 * Each persona starts on its first navigation item, preferring one that is built: a tenant admin also holds
 * reports.read, and should land on administration rather than on the (coming soon) operator reports.
 */
export function HomeRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const items = navigationFor(me.roles);
  const first = items.find((item) => item.available) ?? items[0];
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
