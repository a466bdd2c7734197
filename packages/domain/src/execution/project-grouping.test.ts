import { describe, expect, it } from "vitest";
import { ZBuParameters } from "../parameters/bu-parameters";
import { addressKeyOf, customerKeyOf, findGroupingProject, type ProjectCandidate } from "./project-grouping";

const params = ZBuParameters.parse({ projectGroupingWindowDays: 90 });
const now = new Date("2025-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

const address = addressKeyOf({ line1: "Calle Mayor, 5", postcode: "28013", city: "Madrid" });
const input = { customerKey: "fiscal:B12345678", postcode: "28013", addressKey: address };
const candidate = (over: Partial<ProjectCandidate>): ProjectCandidate => ({
  id: "px-1",
  customerKey: input.customerKey,
  postcode: "28013",
  addressKey: address,
  status: "ongoing",
  createdAt: daysAgo(10),
  ...over,
});

describe("customerKeyOf", () => {
  it("prefers the normalised fiscal id, else the customer id, else nothing", () => {
    expect(customerKeyOf({ fiscalId: " b-1234 5678 ", externalCustomerId: "C9" })).toBe("fiscal:B12345678");
    expect(customerKeyOf({ fiscalId: "  ", externalCustomerId: "C9" })).toBe("customer:C9");
    expect(customerKeyOf({ fiscalId: null, externalCustomerId: null })).toBeNull();
    expect(customerKeyOf({})).toBeNull();
  });
});

describe("addressKeyOf", () => {
  it("ignores case, accents, punctuation and spacing", () => {
    expect(addressKeyOf({ line1: "  CALLE   MAYOR 5 ", postcode: "28013", city: "madrid" })).toBe(address);
    expect(addressKeyOf({ line1: "Avenida João  III, nº 7", postcode: "7506-119" })).toBe(
      "7506119|avenida joao iii nº 7",
    );
    expect(addressKeyOf({ line1: "Calle Mayor 5", postcode: "28014", city: "Madrid" })).not.toBe(address);
  });
});

describe("findGroupingProject", () => {
  it("joins the newest open project of the same customer at the same address within the window", () => {
    const candidates = [
      candidate({ id: "old", createdAt: daysAgo(60) }),
      candidate({ id: "new", createdAt: daysAgo(5), status: "on_hold" }),
    ];
    expect(findGroupingProject(candidates, input, params, now)).toBe("new");
  });

  it("includes the window's first instant and excludes anything older", () => {
    expect(findGroupingProject([candidate({ createdAt: daysAgo(90) })], input, params, now)).toBe("px-1");
    const justOutside = new Date(daysAgo(90).getTime() - 1);
    expect(findGroupingProject([candidate({ createdAt: justOutside })], input, params, now)).toBeNull();
  });

  it("skips closed or cancelled projects and other customers, postcodes or addresses", () => {
    for (const over of [
      { status: "closed" as const },
      { status: "cancelled" as const },
      { customerKey: "customer:C9" },
      { postcode: "28014" },
      { addressKey: addressKeyOf({ line1: "Calle Mayor 7", postcode: "28013" }) },
    ]) {
      expect(findGroupingProject([candidate(over)], input, params, now)).toBeNull();
    }
  });
});
