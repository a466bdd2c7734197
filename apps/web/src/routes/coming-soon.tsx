import { Badge, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { NavItem } from "@atende/domain";
import { navKey } from "../lib/i18n-keys";

/** A capability on the roadmap: reachable from the navigation, but not built yet. */
export function ComingSoonRoute({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm" py="xl" data-testid="coming-soon">
      <Badge variant="light">{t("comingSoon.badge")}</Badge>
      <Title order={1} size="h2">
        {t(navKey(item.key))}
      </Title>
      <Text>{t("comingSoon.body")}</Text>
    </Stack>
  );
}
