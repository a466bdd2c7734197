import { describe, expect, it } from "vitest";
import { ZUpdateSlaPolicyRequest, type TServiceSlaPolicy } from "@atende/contracts";
import { move } from "./form-values";
import { newLevel, nextLevel, policyPatch, toPolicyForm } from "./policy-form";

const policy: TServiceSlaPolicy = {
  id: "00000000-0000-4000-8000-000000000001",
  code: "s004-incident-high",
  buId: null,
  name: "High incident",
  rank: 100,
  conditions: { types: ["incident"], priorities: ["high"] },
  calendarId: "00000000-0000-4000-8000-000000000002",
  targets: { firstResponse: { minutes: 10 } },
  warningPercent: 75,
  channelRules: [],
  escalation: [
    { level: 2, label: "Manager", offsetMinutes: 60, from: "creation", targetGroupId: "g1", actions: ["notify"] },
    {
      level: 1,
      label: "Analyst",
      offsetMinutes: 0,
      from: "creation",
      targetGroupId: "g1",
      targetUserId: null,
      actions: ["notify"],
    },
  ],
  active: true,
  version: 4,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

describe("policy form", () => {
  it("orders levels and sends nothing but the version when unchanged", () => {
    const values = toPolicyForm(policy);
    expect(values.escalation.map((l) => l.level)).toEqual([1, 2]);
    expect(policyPatch(policy, values)).toEqual({ version: 4 });
  });

  it("sends the whole escalation list when a level changes, in the request's shape", () => {
    const values = toPolicyForm(policy);
    values.escalation = [
      ...values.escalation,
      {
        ...newLevel(values.escalation),
        label: " CTO ",
        offsetMinutes: "240",
        actions: ["notify", "reassign"],
        targetUserId: "u9",
      },
    ];
    const patch = policyPatch(policy, values);
    expect(patch).toEqual({
      version: 4,
      escalation: [
        { level: 1, label: "Analyst", offsetMinutes: 0, from: "creation", targetGroupId: "g1", actions: ["notify"] },
        { level: 2, label: "Manager", offsetMinutes: 60, from: "creation", targetGroupId: "g1", actions: ["notify"] },
        {
          level: 3,
          label: "CTO",
          offsetMinutes: 240,
          from: "creation",
          targetUserId: "u9",
          actions: ["notify", "reassign"],
        },
      ],
    });
    expect(ZUpdateSlaPolicyRequest.safeParse(patch).success).toBe(true);
  });

  it("lets validation name a bad number rather than dropping it", () => {
    const values = { ...toPolicyForm(policy), warningPercent: "abc" };
    const result = ZUpdateSlaPolicyRequest.safeParse(policyPatch(policy, values));
    expect(result.error?.issues[0]?.path).toEqual(["warningPercent"]);
  });

  it("adds channel rules", () => {
    const values = {
      ...toPolicyForm(policy),
      channelRules: [{ priority: "high", allowedChannels: ["email"], autoReplyTemplate: "x.y" }],
    };
    expect(policyPatch(policy, values)).toEqual({
      version: 4,
      channelRules: [{ priority: "high", allowedChannels: ["email"], autoReplyTemplate: "x.y" }],
    });
  });

  it("numbers new levels after the highest and moves items", () => {
    expect(nextLevel([])).toBe(1);
    expect(nextLevel(toPolicyForm(policy).escalation)).toBe(3);
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });
});
