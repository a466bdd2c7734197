import { describe, expect, it } from "vitest";
import { ZSlaPolicyInput, checkChannel, matchPolicy, type SlaPolicy, type SlaTicketFacts } from "./policy";

const ticket: SlaTicketFacts = {
  buId: "bu-es",
  type: "incident",
  priority: "high",
  channel: "email",
  tier: null,
  catalogueItemId: null,
};

function policy(id: string, conditions: SlaPolicy["conditions"], rank = 100): SlaPolicy {
  return {
    id,
    name: id,
    rank,
    conditions,
    calendarId: "24x7",
    targets: { firstResponse: { minutes: 10 } },
    warningPercent: 75,
  };
}

describe("matchPolicy", () => {
  it("returns null when nothing matches", () => {
    expect(matchPolicy([policy("a", { types: ["defect"] })], ticket)).toBeNull();
    expect(matchPolicy([], ticket)).toBeNull();
  });

  it("matches only when every stated condition lists the ticket's value", () => {
    const p = policy("a", { types: ["incident"], priorities: ["low", "medium"] });
    expect(matchPolicy([p], ticket)).toBeNull();
    expect(matchPolicy([p], { ...ticket, priority: "medium" })?.id).toBe("a");
  });

  it("never matches a stated condition on a value the ticket lacks", () => {
    const p = policy("tiered", { tiers: ["gold"] });
    expect(matchPolicy([p], ticket)).toBeNull();
    expect(matchPolicy([p], { ...ticket, tier: "gold" })?.id).toBe("tiered");
  });

  it("prefers the most specific policy over a better rank", () => {
    const catchAll = policy("all", {}, 1);
    const byType = policy("type", { types: ["incident"] }, 50);
    const byTypeAndPriority = policy("type-priority", { types: ["incident"], priorities: ["high"] }, 900);
    expect(matchPolicy([catchAll, byType, byTypeAndPriority], ticket)?.id).toBe("type-priority");
    expect(matchPolicy([catchAll, byType], ticket)?.id).toBe("type");
    expect(matchPolicy([catchAll], ticket)?.id).toBe("all");
  });

  it("breaks ties by rank, then by id, whatever the list order", () => {
    const a = policy("b-policy", { types: ["incident"] }, 10);
    const b = policy("a-policy", { channels: ["email"] }, 20);
    expect(matchPolicy([b, a], ticket)?.id).toBe("b-policy");
    const c = policy("a-policy", { channels: ["email"] }, 10);
    expect(matchPolicy([a, c], ticket)?.id).toBe("a-policy");
    expect(matchPolicy([c, a], ticket)?.id).toBe("a-policy");
  });
});

describe("checkChannel", () => {
  const withRules: Pick<SlaPolicy, "channelRules"> = {
    channelRules: [{ priority: "low", allowedChannels: ["email", "portal"], autoReplyTemplate: "use-email" }],
  };

  it("allows any channel for a priority without a rule, and without a policy", () => {
    expect(checkChannel(withRules, "high", "whatsapp")).toEqual({ allowed: true });
    expect(checkChannel(null, "low", "whatsapp")).toEqual({ allowed: true });
  });

  it("refuses a channel outside the rule with the auto-reply and the right channels", () => {
    expect(checkChannel(withRules, "low", "portal")).toEqual({ allowed: true });
    expect(checkChannel(withRules, "low", "whatsapp")).toEqual({
      allowed: false,
      autoReplyTemplate: "use-email",
      allowedChannels: ["email", "portal"],
    });
  });
});

describe("ZSlaPolicyInput", () => {
  const valid = { id: "p1", name: "High incidents", calendarId: "24x7", targets: { firstResponse: { minutes: 10 } } };
  const messages = (input: unknown) => {
    const result = ZSlaPolicyInput.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("fills rank, conditions and the 75 % warning, and yields an SlaPolicy", () => {
    const parsed: SlaPolicy = ZSlaPolicyInput.parse(valid);
    expect(parsed).toEqual({ ...valid, rank: 100, conditions: {}, warningPercent: 75 });
  });

  it("keeps the warning within 1..99", () => {
    for (const warningPercent of [0, 100, 50.5]) {
      expect(messages({ ...valid, warningPercent })).toEqual([
        "warningPercent: warning percent must be a whole number between 1 and 99",
      ]);
    }
    expect(messages({ ...valid, warningPercent: 99 })).toEqual([]);
  });

  it("needs at least one target, each either minutes or business days", () => {
    expect(messages({ ...valid, targets: {} })).toEqual([
      "targets: a policy needs at least one target: first response, resolution, periodic update or follow-up",
    ]);
    expect(messages({ ...valid, targets: { resolution: { minutes: 10, businessDays: 1 } } })).toEqual([
      "targets.resolution: a target takes either minutes or businessDays, exactly one",
    ]);
    expect(messages({ ...valid, targets: { resolution: { businessDays: 0 } } })).toEqual([
      "targets.resolution.businessDays: business days must be at least 1",
    ]);
    expect(ZSlaPolicyInput.parse({ ...valid, targets: { resolution: { businessDays: 2 } } }).targets).toEqual({
      resolution: { businessDays: 2 },
    });
  });

  it("rejects empty or repeated condition values and unknown channels", () => {
    expect(messages({ ...valid, conditions: { types: [] } })).toEqual([
      "conditions.types: types needs at least one value, or leave the condition out",
    ]);
    expect(messages({ ...valid, conditions: { priorities: ["high", "high"] } })).toEqual([
      "conditions.priorities: priorities lists a value twice",
    ]);
    expect(messages({ ...valid, conditions: { channels: ["fax"] } })[0]).toMatch(
      /^conditions\.channels\.0: channel must be one of/,
    );
  });

  it("wants channel rule priorities unique and among the policy's priorities", () => {
    const rule = { priority: "low", allowedChannels: ["email"], autoReplyTemplate: "t" };
    expect(messages({ ...valid, channelRules: [rule, { ...rule, allowedChannels: ["portal"] }] })).toEqual([
      "channelRules.1.priority: priority low has more than one channel rule",
    ]);
    expect(messages({ ...valid, conditions: { priorities: ["high"] }, channelRules: [rule] })).toEqual([
      "channelRules.0.priority: channel rule priority low is not among the policy's priorities",
    ]);
    expect(messages({ ...valid, channelRules: [{ ...rule, allowedChannels: [] }] })).toEqual([
      "channelRules.0.allowedChannels: a channel rule needs at least one allowed channel",
    ]);
  });
});
