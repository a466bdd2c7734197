import { describe, expect, it } from "vitest";
import { NAV_ITEMS, navigationFor } from "./navigation";
import { PERMISSIONS } from "./permissions";
import type { Role, RoleAssignment } from "./roles";

const as = (role: Role, buId: string | null = null): RoleAssignment[] => [{ role, buId, storeId: null }];
const paths = (assignments: RoleAssignment[]) => navigationFor(assignments).map((item) => item.path);

describe("navigation", () => {
  it("tenant admin sees every admin page and no work queues", () => {
    expect(paths(as("tenant_admin"))).toEqual([
      "/operator/reports",
      "/admin/business-units",
      "/admin/stores",
      "/admin/users",
      "/admin/groups",
      "/admin/api-tokens",
      "/admin/parameters",
      "/admin/audit",
      "/admin/sla",
      "/admin/calendars",
      "/admin/templates",
      "/admin/playbooks",
      "/admin/catalogue",
      "/admin/maintenance",
      "/admin/service-codes",
      "/admin/webhooks",
      "/admin/outbox",
    ]);
  });

  it("BU admin sees parameters and audit, not tenant administration", () => {
    expect(paths(as("bu_admin", "bu-es"))).toEqual([
      "/operator/reports",
      "/admin/parameters",
      "/admin/audit",
      "/admin/sla",
      "/admin/calendars",
      "/admin/templates",
      "/admin/playbooks",
      "/admin/catalogue",
      "/admin/maintenance",
      "/admin/service-codes",
      "/admin/outbox",
    ]);
  });

  it("operator and execution admin see the operator pages and the availability check", () => {
    const expected = [
      "/operator/queue",
      "/operator/projects",
      "/operator/monitoring",
      "/operator/reports",
      "/seller/availability",
    ];
    expect(paths(as("operator", "bu-es"))).toEqual(expected);
    expect(paths(as("execution_admin"))).toEqual(expected);
  });

  it("seller sees the seller pages", () => {
    expect(paths([{ role: "seller", buId: "bu-es", storeId: "madrid" }])).toEqual([
      "/seller/projects",
      "/seller/availability",
    ]);
  });

  it("customer sees only the portal", () => {
    const items = navigationFor(as("customer"));
    expect(items.map((item) => item.path)).toEqual(["/portal/tickets", "/portal/projects"]);
    expect(items.every((item) => item.persona === "customer")).toBe(true);
  });

  it("providers see provider pages; only managers manage workers", () => {
    expect(paths(as("provider_worker"))).toEqual(["/provider/jobs"]);
    expect(paths(as("provider_manager"))).toEqual(["/provider/jobs", "/provider/workers"]);
  });

  it("a user with several roles sees the union, once each", () => {
    const items = navigationFor([...as("operator", "bu-es"), ...as("seller", "bu-es"), ...as("operator", "bu-pt")]);
    expect(items.map((item) => item.key)).toEqual([
      "operator.queue",
      "operator.projects",
      "operator.monitoring",
      "operator.reports",
      "seller.projects",
      "seller.availability",
    ]);
    expect(navigationFor([])).toEqual([]);
  });

  it("everything is available except availability and the provider pages, which come later", () => {
    const unavailable = NAV_ITEMS.filter((item) => !item.available).map((item) => item.key);
    expect(unavailable.sort()).toEqual(["provider.jobs", "provider.workers", "seller.availability"].sort());
  });

  it("keys and paths are unique and permissions are known", () => {
    expect(new Set(NAV_ITEMS.map((item) => item.key)).size).toBe(NAV_ITEMS.length);
    expect(new Set(NAV_ITEMS.map((item) => item.path)).size).toBe(NAV_ITEMS.length);
    for (const item of NAV_ITEMS) expect(PERMISSIONS).toContain(item.permission);
  });
});
