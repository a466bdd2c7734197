import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  API_TOKEN_SCOPES,
  can,
  PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
  SCOPE_PERMISSIONS,
  scopedBuIds,
  scopedStoreIds,
  tokenCan,
  type Permission,
} from "./permissions";
import { ROLES, type Role, type RoleAssignment } from "./roles";

const everywhere = (role: Role): RoleAssignment[] => [{ role, buId: null, storeId: null }];

describe("role permission table", () => {
  it.each<[Role, Permission[]]>([
    [
      "tenant_admin",
      [
        "tenant.business_units.manage",
        "tenant.stores.manage",
        "tenant.users.manage",
        "tenant.groups.manage",
        "tenant.api_tokens.manage",
        "bu.read",
        "bu.parameters.read",
        "bu.parameters.edit",
        "audit.read",
        "customers.read",
        "customers.manage",
        "reports.read",
        "sla.preview",
      ],
    ],
    ["bu_admin", ["bu.read", "bu.parameters.read", "bu.parameters.edit", "audit.read", "reports.read", "sla.preview"]],
    [
      "operator",
      [
        "bu.read",
        "tickets.work",
        "customers.read",
        "projects.read",
        "jobs.operate",
        "availability.check",
        "sla.preview",
        "reports.read",
      ],
    ],
    [
      "execution_admin",
      [
        "bu.read",
        "tickets.work",
        "customers.read",
        "projects.read",
        "jobs.operate",
        "availability.check",
        "sla.preview",
        "reports.read",
        "jobs.cancel",
      ],
    ],
    ["seller", ["bu.read", "projects.read", "jobs.sell", "availability.check", "customers.read"]],
    ["customer", ["tickets.portal"]],
    ["provider_manager", ["provider.jobs", "provider.workers.manage"]],
    ["provider_worker", ["provider.jobs"]],
  ])("%s holds exactly its row", (role, expected) => {
    expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...expected].sort());
  });

  it("tenant admin is not an operator by default", () => {
    const admin = everywhere("tenant_admin");
    expect(can(admin, "tickets.work")).toBe(false);
    expect(can(admin, "jobs.operate")).toBe(false);
    expect(can(admin, "jobs.cancel")).toBe(false);
  });

  it("only execution admins cancel jobs; only sellers sell", () => {
    const cancellers = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes("jobs.cancel"));
    const sellers = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes("jobs.sell"));
    expect(cancellers).toEqual(["execution_admin"]);
    expect(sellers).toEqual(["seller"]);
  });

  it("customers and providers never get admin, staff or audit permissions", () => {
    for (const role of ["customer", "provider_manager", "provider_worker"] as const) {
      for (const permission of ROLE_PERMISSIONS[role]) {
        expect(permission.startsWith("tenant.")).toBe(false);
        expect(permission.startsWith("bu.")).toBe(false);
        expect(["audit.read", "customers.read", "customers.manage", "tickets.work", "reports.read"]).not.toContain(
          permission,
        );
      }
    }
  });

  it("rows contain no duplicates and only known permissions", () => {
    for (const role of ROLES) {
      const row = ROLE_PERMISSIONS[role];
      expect(new Set(row).size).toBe(row.length);
      for (const permission of row) expect(PERMISSIONS).toContain(permission);
    }
  });

  it("every permission is granted by some role or API token scope", () => {
    const granted = new Set<Permission>([
      ...ROLES.flatMap((role) => ROLE_PERMISSIONS[role]),
      ...API_TOKEN_SCOPES.flatMap((scope) => SCOPE_PERMISSIONS[scope]),
    ]);
    expect([...granted].sort()).toEqual([...PERMISSIONS].sort());
  });

  it("orders.write comes only from an API token, never from a role", () => {
    expect(ROLES.some((role) => ROLE_PERMISSIONS[role].includes("orders.write"))).toBe(false);
    expect(tokenCan(["orders:write"], "orders.write")).toBe(true);
    expect(tokenCan(["read"], "orders.write")).toBe(false);
    expect(tokenCan([], "bu.read")).toBe(false);
  });
});

describe("can with scope", () => {
  const esOperator: RoleAssignment = { role: "operator", buId: "bu-es", storeId: null };
  const ptStoreSeller: RoleAssignment = { role: "seller", buId: "bu-pt", storeId: "lisbon" };

  it("a tenant-wide assignment covers every BU, store and tenant-level resource", () => {
    const admin = everywhere("tenant_admin");
    expect(can(admin, "bu.parameters.edit", { buId: "bu-es" })).toBe(true);
    expect(can(admin, "bu.parameters.edit", { buId: "bu-pt", storeId: "lisbon" })).toBe(true);
    expect(can(admin, "tenant.users.manage", {})).toBe(true);
    expect(can(admin, "tenant.users.manage", { buId: null })).toBe(true);
  });

  it("a BU assignment covers its BU and its stores only", () => {
    expect(can([esOperator], "tickets.work", { buId: "bu-es" })).toBe(true);
    expect(can([esOperator], "tickets.work", { buId: "bu-es", storeId: "madrid" })).toBe(true);
    expect(can([esOperator], "tickets.work", { buId: "bu-pt" })).toBe(false);
    expect(can([esOperator], "tickets.work", { buId: null })).toBe(false);
    expect(can([esOperator], "tickets.work", {})).toBe(false);
  });

  it("a store assignment covers its store only", () => {
    expect(can([ptStoreSeller], "jobs.sell", { buId: "bu-pt", storeId: "lisbon" })).toBe(true);
    expect(can([ptStoreSeller], "jobs.sell", { buId: "bu-pt", storeId: "porto" })).toBe(false);
    expect(can([ptStoreSeller], "jobs.sell", { buId: "bu-pt" })).toBe(false);
    expect(can([ptStoreSeller], "jobs.sell", { buId: "bu-es", storeId: "lisbon" })).toBe(false);
  });

  it("the scope never grants what the role lacks", () => {
    expect(can([esOperator], "jobs.cancel", { buId: "bu-es" })).toBe(false);
    expect(can([ptStoreSeller], "jobs.operate", { buId: "bu-pt", storeId: "lisbon" })).toBe(false);
  });

  it("without a scope asks whether the permission is held anywhere", () => {
    expect(can([ptStoreSeller], "jobs.sell")).toBe(true);
    expect(can([ptStoreSeller], "tickets.work")).toBe(false);
    expect(can([], "bu.read")).toBe(false);
  });

  it("combines assignments", () => {
    const user = [esOperator, { role: "execution_admin", buId: "bu-pt", storeId: null } as const];
    expect(can(user, "jobs.cancel", { buId: "bu-pt" })).toBe(true);
    expect(can(user, "jobs.cancel", { buId: "bu-es" })).toBe(false);
    expect(can(user, "jobs.operate", { buId: "bu-es" })).toBe(true);
  });
});

describe("permissionsOf", () => {
  it("is the sorted union of the roles' rows", () => {
    const result = permissionsOf([
      { role: "seller", buId: "bu-es", storeId: "s1" },
      { role: "operator", buId: "bu-pt", storeId: null },
    ]);
    expect(result).toEqual([...new Set([...ROLE_PERMISSIONS.seller, ...ROLE_PERMISSIONS.operator])].sort());
    expect(permissionsOf([])).toEqual([]);
  });
});

describe("scopedBuIds and scopedStoreIds", () => {
  const user: RoleAssignment[] = [
    { role: "operator", buId: "bu-pt", storeId: null },
    { role: "operator", buId: "bu-es", storeId: null },
    { role: "seller", buId: "bu-it", storeId: "milan" },
    { role: "seller", buId: "bu-es", storeId: "madrid" },
    { role: "bu_admin", buId: "bu-es", storeId: null },
  ];

  it("lists the BUs where the permission is held, deduplicated and sorted", () => {
    expect(scopedBuIds(user, "tickets.work")).toEqual(["bu-es", "bu-pt"]);
    expect(scopedBuIds(user, "bu.read")).toEqual(["bu-es", "bu-it", "bu-pt"]);
    expect(scopedBuIds(user, "jobs.sell")).toEqual(["bu-es", "bu-it"]);
    expect(scopedBuIds(user, "jobs.cancel")).toEqual([]);
  });

  it("is 'all' when a tenant-wide assignment grants it", () => {
    expect(scopedBuIds([...user, ...everywhere("tenant_admin")], "bu.read")).toBe("all");
    expect(scopedBuIds([...user, ...everywhere("tenant_admin")], "tickets.work")).toEqual(["bu-es", "bu-pt"]);
  });

  it("lists stores of a BU, 'all' when held BU-wide", () => {
    expect(scopedStoreIds(user, "jobs.sell", "bu-es")).toEqual(["madrid"]);
    expect(scopedStoreIds(user, "jobs.sell", "bu-pt")).toEqual([]);
    expect(scopedStoreIds(user, "bu.read", "bu-es")).toBe("all");
    expect(scopedStoreIds(everywhere("seller"), "jobs.sell", "bu-es")).toBe("all");
  });
});

describe("can (property)", () => {
  const assignment = fc
    .record({
      role: fc.constantFrom(...ROLES),
      buId: fc.option(fc.constantFrom("bu-es", "bu-pt", "bu-it")),
      storeId: fc.option(fc.constantFrom("s1", "s2")),
    })
    .map((a): RoleAssignment => ({ ...a, storeId: a.buId === null ? null : a.storeId }));

  it("without scope is true iff some assignment's role has the permission", () => {
    fc.assert(
      fc.property(
        fc.array(assignment, { maxLength: 6 }),
        fc.constantFrom(...PERMISSIONS),
        (assignments, permission) => {
          const expected = assignments.some((a) => ROLE_PERMISSIONS[a.role].includes(permission));
          expect(can(assignments, permission)).toBe(expected);
        },
      ),
    );
  });

  it("a scoped grant implies the unscoped one, and scopedBuIds agrees with can", () => {
    fc.assert(
      fc.property(
        fc.array(assignment, { maxLength: 6 }),
        fc.constantFrom(...PERMISSIONS),
        fc.constantFrom("bu-es", "bu-pt", "bu-it"),
        (assignments, permission, buId) => {
          if (can(assignments, permission, { buId })) expect(can(assignments, permission)).toBe(true);
          const bus = scopedBuIds(assignments, permission);
          const inBu = assignments.some(
            (a) => ROLE_PERMISSIONS[a.role].includes(permission) && (a.buId === null || a.buId === buId),
          );
          expect(bus === "all" || bus.includes(buId)).toBe(inBu);
        },
      ),
    );
  });
});
