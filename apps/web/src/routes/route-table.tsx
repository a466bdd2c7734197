import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { RouteObject } from "react-router";
import { NAV_ITEMS } from "@atende/domain";
import { RequirePermission } from "../features/navigation/components/require-permission";
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
  "operator.queue": lazy(() => import("./operator/queue").then((m) => ({ default: m.QueueRoute }))),
  "operator.reports": lazy(() => import("./operator/reports").then((m) => ({ default: m.ReportsRoute }))),
  "portal.tickets": lazy(() => import("./portal/tickets").then((m) => ({ default: m.PortalTicketsRoute }))),
};

/** One record opened from a built screen's list, at `<item path>/:id`, behind the item's permission. */
const DETAIL_SCREENS: Record<string, Screen> = {
  "operator.queue": lazy(() => import("./operator/ticket").then((m) => ({ default: m.TicketRoute }))),
  "portal.tickets": lazy(() => import("./portal/ticket").then((m) => ({ default: m.PortalTicketRoute }))),
};

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
    if (!Detail) return [route];
    const detail: RouteObject = {
      path: `${item.path.slice(1)}/:id`,
      element: (
        <RequirePermission permission={item.permission}>
          <Detail />
        </RequirePermission>
      ),
    };
    return [route, detail];
  });
}

export function routeTable(): RouteObject[] {
  return [
    { path: "/sign-in", element: <SignInRoute />, errorElement: <RouteErrorRoute /> },
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
