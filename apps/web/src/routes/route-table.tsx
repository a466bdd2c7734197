import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import type { RouteObject } from "react-router";
import { NAV_ITEMS } from "@atende/domain";
import { RequirePermission } from "../features/navigation/components/require-permission";
import { LoadingState } from "../ui/loading-state";
import { ComingSoonRoute } from "./coming-soon";
import { HomeRoute } from "./home";
import { NotFoundRoute } from "./not-found";
import { RouteErrorRoute } from "./route-error";
import { ShellRoute } from "./shell";
import { SignInRoute } from "./sign-in";

type Screen = LazyExoticComponent<ComponentType>;

/** Built screens by nav item key; every other nav item is shown as coming soon. Each screen is its own chunk. */
const SCREENS: Record<string, Screen> = {
  "admin.business-units": lazy(() => import("./admin/business-units").then((m) => ({ default: m.BusinessUnitsRoute }))),
  "admin.stores": lazy(() => import("./admin/stores").then((m) => ({ default: m.StoresRoute }))),
  "admin.users": lazy(() => import("./admin/users").then((m) => ({ default: m.UsersRoute }))),
  "admin.groups": lazy(() => import("./admin/groups").then((m) => ({ default: m.GroupsRoute }))),
  "admin.api-tokens": lazy(() => import("./admin/api-tokens").then((m) => ({ default: m.ApiTokensRoute }))),
  "admin.parameters": lazy(() => import("./admin/parameters").then((m) => ({ default: m.ParametersRoute }))),
  "admin.audit": lazy(() => import("./admin/audit").then((m) => ({ default: m.AuditRoute }))),
  "admin.sla": lazy(() => import("./admin/sla").then((m) => ({ default: m.SlaRoute }))),
  "admin.calendars": lazy(() => import("./admin/calendars").then((m) => ({ default: m.CalendarsRoute }))),
  "admin.templates": lazy(() => import("./admin/templates").then((m) => ({ default: m.TemplatesRoute }))),
  "admin.playbooks": lazy(() => import("./admin/playbooks").then((m) => ({ default: m.PlaybooksRoute }))),
  "admin.catalogue": lazy(() => import("./admin/catalogue").then((m) => ({ default: m.CatalogueRoute }))),
  "admin.maintenance": lazy(() => import("./admin/maintenance").then((m) => ({ default: m.MaintenanceRoute }))),
  "admin.outbox": lazy(() => import("./admin/outbox").then((m) => ({ default: m.OutboxRoute }))),
  "admin.service-codes": lazy(() => import("./admin/service-codes").then((m) => ({ default: m.ServiceCodesRoute }))),
  "admin.webhooks": lazy(() => import("./admin/webhooks").then((m) => ({ default: m.WebhooksRoute }))),
  "operator.queue": lazy(() => import("./operator/queue").then((m) => ({ default: m.QueueRoute }))),
  "operator.reports": lazy(() => import("./operator/reports").then((m) => ({ default: m.ReportsRoute }))),
  "portal.tickets": lazy(() => import("./portal/tickets").then((m) => ({ default: m.PortalTicketsRoute }))),
  "operator.projects": lazy(() => import("./operator/projects").then((m) => ({ default: m.OperatorProjectsRoute }))),
  "seller.projects": lazy(() => import("./seller/projects").then((m) => ({ default: m.SellerProjectsRoute }))),
  "operator.monitoring": lazy(() => import("./operator/monitoring").then((m) => ({ default: m.MonitoringRoute }))),
  "portal.projects": lazy(() => import("./portal/projects").then((m) => ({ default: m.PortalProjectsRoute }))),
};

/** One record opened from a built screen's list, at `<item path>/:id`, behind the item's permission. */
const DETAIL_SCREENS: Record<string, Screen> = {
  "operator.queue": lazy(() => import("./operator/ticket").then((m) => ({ default: m.TicketRoute }))),
  "portal.tickets": lazy(() => import("./portal/ticket").then((m) => ({ default: m.PortalTicketRoute }))),
  "operator.projects": lazy(() => import("./operator/project").then((m) => ({ default: m.OperatorProjectRoute }))),
  "seller.projects": lazy(() => import("./seller/project").then((m) => ({ default: m.SellerProjectRoute }))),
};

/** Pages reached from a built screen at their own path (not under the item's), behind the item's permission. */
const RELATED_SCREENS: Record<string, { path: string; screen: Screen }[]> = {
  "operator.projects": [
    {
      path: "operator/jobs/:id",
      screen: lazy(() => import("./operator/job").then((m) => ({ default: m.OperatorJobRoute }))),
    },
  ],
  "seller.projects": [
    {
      path: "seller/jobs/:id",
      screen: lazy(() => import("./seller/job").then((m) => ({ default: m.SellerJobRoute }))),
    },
  ],
  "portal.projects": [
    {
      path: "portal/jobs/:id/sign",
      screen: lazy(() => import("./portal/sign-contract").then((m) => ({ default: m.PortalSignContractRoute }))),
    },
  ],
};

const PublicSignRoute = lazy(() => import("./sign").then((m) => ({ default: m.PublicSignRoute })));

function navRoutes(): RouteObject[] {
  return NAV_ITEMS.flatMap((item) => {
    const Screen = item.available ? SCREENS[item.key] : undefined;
    const Detail = Screen ? DETAIL_SCREENS[item.key] : undefined;
    const route: RouteObject = {
      path: item.path.slice(1),
      element: (
        <RequirePermission permission={item.permission}>
          {Screen ? <Screen /> : <ComingSoonRoute item={item} />}
        </RequirePermission>
      ),
    };
    const related: RouteObject[] = (Screen ? (RELATED_SCREENS[item.key] ?? []) : []).map(({ path, screen: Page }) => ({
      path,
      element: (
        <RequirePermission permission={item.permission}>
          <Page />
        </RequirePermission>
      ),
    }));
    if (!Detail) return [route, ...related];
    const detail: RouteObject = {
      path: `${item.path.slice(1)}/:id`,
      element: (
        <RequirePermission permission={item.permission}>
          <Detail />
        </RequirePermission>
      ),
    };
    return [route, detail, ...related];
  });
}

export function routeTable(): RouteObject[] {
  return [
    { path: "/sign-in", element: <SignInRoute />, errorElement: <RouteErrorRoute /> },
    {
      // The public contract signing link: no session, no shell.
      path: "/sign/:token",
      element: (
        <Suspense fallback={<LoadingState />}>
          <PublicSignRoute />
        </Suspense>
      ),
      errorElement: <RouteErrorRoute />,
    },
    {
      path: "/",
      element: <ShellRoute />,
      errorElement: <RouteErrorRoute />,
      children: [
        {
          // Inside the shell, so a failing screen keeps the navigation and header.
          errorElement: <RouteErrorRoute />,
          children: [
            { index: true, element: <HomeRoute /> },
            ...navRoutes(),
            { path: "*", element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ];
}
