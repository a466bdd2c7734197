import { describe, expect, it } from "vitest";
import { isStaff, ROLES, STAFF_ROLES, zRoleAssignment } from "./roles";

describe("roles", () => {
  it("staff roles are every role except customers and providers", () => {
    expect([...STAFF_ROLES].sort()).toEqual(
      ROLES.filter((role) => !["customer", "provider_manager", "provider_worker"].includes(role)).sort(),
    );
  });

  it("isStaff is true when any assignment is a staff role", () => {
    expect(isStaff([])).toBe(false);
    expect(isStaff([{ role: "customer", buId: null, storeId: null }])).toBe(false);
    expect(isStaff([{ role: "provider_worker", buId: "bu-es", storeId: null }])).toBe(false);
    expect(
      isStaff([
        { role: "customer", buId: null, storeId: null },
        { role: "seller", buId: "bu-es", storeId: "store-1" },
      ]),
    ).toBe(true);
  });

  it("a store-scoped assignment must name its BU", () => {
    expect(zRoleAssignment.safeParse({ role: "seller", buId: "bu-es", storeId: "s1" }).success).toBe(true);
    const result = zRoleAssignment.safeParse({ role: "seller", buId: null, storeId: "s1" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["buId"]);
  });

  it("rejects unknown roles", () => {
    expect(zRoleAssignment.safeParse({ role: "root", buId: null, storeId: null }).success).toBe(false);
  });
});
