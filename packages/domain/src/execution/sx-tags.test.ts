import { describe, expect, it } from "vitest";
import { SX_TAGS, applyTagEffects, initialSxTags, isSxTag } from "./sx-tags";

describe("SX tags", () => {
  it("lists the guide's tags", () => {
    expect(SX_TAGS).toContain("MANUAL_DISTRIBUTED");
    expect(isSxTag("REWORK")).toBe(true);
    expect(isSxTag("rework")).toBe(false);
  });

  it("applies add and remove in order and returns a sorted unique list", () => {
    const tags = applyTagEffects(
      ["REWORK", "ACCEPTANCE_SALES_CONDITIONS", "REWORK"],
      [
        { type: "add-tag", tag: "NON_COMPLIANT" },
        { type: "remove-tag", tag: "ACCEPTANCE_SALES_CONDITIONS" },
        { type: "add-tag", tag: "MANUAL_DISTRIBUTED" },
        { type: "notify", audience: "customer" },
        { type: "add-tag", tag: "MANUAL_DISTRIBUTED" },
      ],
    );
    expect(tags).toEqual(["MANUAL_DISTRIBUTED", "NON_COMPLIANT", "REWORK"]);
    expect(applyTagEffects(["X"], [{ type: "remove-tag", tag: "REWORK" }])).toEqual(["X"]);
  });

  it("marks a rework job from its creation", () => {
    expect(initialSxTags("rework")).toEqual(["REWORK"]);
    expect(initialSxTags("installation")).toEqual([]);
  });
});
