import { AppShell, Burger, Button, Group, ScrollArea, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { navigationFor, type NavItem } from "@atende/domain";
import type { TMe } from "@atende/contracts";
import { useSignOut } from "../features/auth/api/mutations";
import { useMe } from "../features/auth/api/queries";
import { CurrentUserProvider } from "../features/auth/components/current-user";
import { NavMenu } from "../features/navigation/components/nav-menu";
import { ErrorState } from "../ui/error-state";
import { LanguageSwitcher } from "../ui/language-switcher";
import { LoadingState } from "../ui/loading-state";

export function ShellRoute() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <CurrentUserProvider me={me.data}>
      <ShellLayout me={me.data} items={navigationFor(me.data.roles)} />
    </CurrentUserProvider>
  );
}

function ShellLayout({ me, items }: { me: TMe; items: NavItem[] }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("shell.toggleNavigation")}
            />
            <Title order={2} size="h4">
              {t("app.name")}
            </Title>
            <Text c="dimmed" visibleFrom="xs" data-testid="tenant-name">
              {me.tenant.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" data-testid="user-name">
              {me.name}
            </Text>
            <LanguageSwitcher />
            <Button
              variant="default"
              size="sm"
              loading={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) })}
              data-testid="sign-out"
            >
              {t("shell.signOut")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {/* A tenant admin's menu is taller than a laptop screen: it scrolls on its own, under the fixed header. */}
        <AppShell.Section grow component={ScrollArea} type="auto" data-testid="nav-scroll">
          <NavMenu items={items} onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
