import { describe, expect, it } from "vitest";
import * as domain from "./index";

describe("public index", () => {
  it("exposes the tenancy, parameter and calendar API", () => {
    for (const name of [
      "ROLES",
      "STAFF_ROLES",
      "isStaff",
      "PERMISSIONS",
      "ROLE_PERMISSIONS",
      "can",
      "permissionsOf",
      "scopedBuIds",
      "API_TOKEN_SCOPES",
      "SCOPE_PERMISSIONS",
      "NAV_ITEMS",
      "navigationFor",
      "ZBuParameters",
      "defaultBuParameters",
      "BU_PARAMETER_META",
      "diffBuParameters",
      "isValidTimeZone",
      "zTimeZone",
      "LOCALES",
      "zCountry",
      "zCurrency",
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });
});
