import { describe, expect, it } from "vitest";
import {
  CLEARED_FILTERS,
  hasNarrowingFilters,
  PROJECT_FILTER_KEYS,
  toProjectParams,
  type ProjectFilters,
} from "./project-params";

const empty = Object.fromEntries(PROJECT_FILTER_KEYS.map((key) => [key, ""])) as ProjectFilters;

describe("toProjectParams", () => {
  it("sends nothing for an empty URL: newest first, cancelled hidden", () => {
    const params = toProjectParams(empty);
    expect(Object.values(params).every((value) => value === undefined)).toBe(true);
    expect(hasNarrowingFilters(params)).toBe(false);
  });

  it("keeps valid filters and drops values the API would refuse", () => {
    const params = toProjectParams({
      ...empty,
      q: "  Lucía ",
      type: "installation",
      status: "bogus",
      jobStatus: "pre_scheduled",
      plannedFrom: "2027-03-01",
      plannedTo: "03/10/2027",
      tag: "MANUAL_DISTRIBUTED",
      storeId: "not-a-uuid",
      providerId: "2b1c1f0e-4a57-4c36-9a4e-2d2f5a8f7c11",
      includeCancelled: "true",
    });
    expect(params).toMatchObject({
      q: "Lucía",
      type: "installation",
      status: undefined,
      jobStatus: "pre_scheduled",
      plannedFrom: "2027-03-01",
      plannedTo: undefined,
      tag: "MANUAL_DISTRIBUTED",
      storeId: undefined,
      providerId: "2b1c1f0e-4a57-4c36-9a4e-2d2f5a8f7c11",
      includeCancelled: true,
    });
    expect(hasNarrowingFilters(params)).toBe(true);
  });

  it("does not count 'show cancelled' as narrowing", () => {
    expect(hasNarrowingFilters(toProjectParams({ ...empty, includeCancelled: "true" }))).toBe(false);
    expect(toProjectParams({ ...empty, includeCancelled: "false" }).includeCancelled).toBeUndefined();
  });
});

describe("CLEARED_FILTERS", () => {
  it("clears every narrowing filter and keeps 'show cancelled'", () => {
    expect(Object.keys(CLEARED_FILTERS)).toHaveLength(PROJECT_FILTER_KEYS.length - 1);
    expect("includeCancelled" in CLEARED_FILTERS).toBe(false);
  });
});
