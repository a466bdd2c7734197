import { NavLink, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { PERSONAS, type NavItem } from "@atende/domain";
import { navKey, personaKey } from "../../../lib/i18n-keys";

/** The user's navigation, grouped by persona in the domain's persona order. */
export function NavMenu({ items, onNavigate }: { items: readonly NavItem[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const groups = PERSONAS.map((persona) => ({
    persona,
    items: items.filter((item) => item.persona === persona),
  })).filter((group) => group.items.length > 0);
  return (
    <Stack gap="md" component="nav" aria-label={t("shell.navigation")}>
      {groups.map((group) => (
        <Stack key={group.persona} gap={2} role="group" aria-labelledby={`nav-group-${group.persona}`}>
          <Text id={`nav-group-${group.persona}`} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm">
            {t(personaKey(group.persona))}
          </Text>
          {group.items.map((item) => {
            const active = pathname === item.path || pathname.startsWith(`${item.path}/`);
            return (
              <NavLink
                key={item.key}
                component={Link}
                to={item.path}
                label={t(navKey(item.key))}
                description={item.available ? undefined : t("shell.comingSoonBadge")}
                active={active}
                aria-current={active ? "page" : undefined}
                onClick={onNavigate}
                data-testid={`nav-${item.key}`}
              />
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
