import { describe, expect, it } from "vitest";
import { DEFAULT_PRIORITIES, ZPriorityLevels, effectiveClassification, raisePriority } from "./classification";

describe("effectiveClassification", () => {
  it("uses the requester's proposal until the agent classifies", () => {
    const proposed = { proposedType: "incident", proposedPriority: "high", finalType: null, finalPriority: null };
    expect(effectiveClassification(proposed)).toEqual({ type: "incident", priority: "high" });
  });

  it("lets the final classification govern, field by field", () => {
    expect(
      effectiveClassification({
        proposedType: "defect",
        proposedPriority: "high",
        finalType: "improvement",
        finalPriority: "low",
      }),
    ).toEqual({ type: "improvement", priority: "low" });
    expect(
      effectiveClassification({
        proposedType: "defect",
        proposedPriority: "high",
        finalType: null,
        finalPriority: "medium",
      }),
    ).toEqual({ type: "defect", priority: "medium" });
  });
});

describe("raisePriority", () => {
  it("moves one level up and stays at the top", () => {
    expect(raisePriority(DEFAULT_PRIORITIES, "low")).toBe("medium");
    expect(raisePriority(DEFAULT_PRIORITIES, "medium")).toBe("high");
    expect(raisePriority(DEFAULT_PRIORITIES, "high")).toBe("high");
  });

  it("skips gaps in ranks, ignores list order and leaves unknown codes alone", () => {
    const levels = [
      { code: "p5", rank: 5 },
      { code: "p1", rank: 1 },
      { code: "p3", rank: 3 },
    ];
    expect(raisePriority(levels, "p5")).toBe("p3");
    expect(raisePriority(levels, "nope")).toBe("nope");
  });
});

describe("ZPriorityLevels", () => {
  it("accepts the defaults and rejects duplicated codes or ranks", () => {
    expect(ZPriorityLevels.safeParse(DEFAULT_PRIORITIES).success).toBe(true);
    const dupCode = ZPriorityLevels.safeParse([
      { code: "a", rank: 1 },
      { code: "a", rank: 2 },
    ]);
    expect(dupCode.error?.issues[0]?.message).toBe("priority codes must be unique");
    const dupRank = ZPriorityLevels.safeParse([
      { code: "a", rank: 1 },
      { code: "b", rank: 1 },
    ]);
    expect(dupRank.error?.issues[0]?.message).toBe("priority ranks must be unique");
  });
});
