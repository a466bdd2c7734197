import { describe, expect, it } from "vitest";
import { hasNarrowingFilters, toListParams, type QueueFilters } from "./queue-params";

const empty: QueueFilters = { view: "", groupId: "", priority: "", type: "", status: "", q: "", sort: "" };

describe("toListParams", () => {
  it("defaults to the open view sorted by the next SLA due", () => {
    expect(toListParams(empty)).toEqual({ view: "open", sort: "nextDueAt" });
  });

  it("keeps valid filters and drops values the API would refuse", () => {
    const params = toListParams({
      view: "breached",
      groupId: "not-a-uuid",
      priority: " high ",
      type: "incident",
      status: "archived",
      q: "  printer  ",
      sort: "-number",
    });
    expect(params).toMatchObject({
      view: "breached",
      priority: "high",
      type: "incident",
      q: "printer",
      sort: "-number",
    });
    expect(params.groupId).toBeUndefined();
    expect(params.status).toBeUndefined();
  });

  it("tells narrowing filters from the view and sort", () => {
    expect(hasNarrowingFilters(toListParams({ ...empty, view: "all", sort: "-createdAt" }))).toBe(false);
    expect(hasNarrowingFilters(toListParams({ ...empty, q: "vpn" }))).toBe(true);
  });
});
