import type { TServiceSlaPolicy } from "@atende/contracts";
import type { EscalationAction } from "@atende/domain";
import { changedFields } from "../../../lib/patch";
import { numberOrText } from "./form-values";

export type LevelValue = {
  level: number | string;
  label: string;
  offsetMinutes: number | string;
  from: "creation" | "breach";
  targetGroupId: string | null;
  targetUserId: string | null;
  actions: EscalationAction[];
};

export type RuleValue = { priority: string | null; allowedChannels: string[]; autoReplyTemplate: string };

export type PolicyFormValues = {
  name: string;
  rank: number | string;
  warningPercent: number | string;
  active: boolean;
  escalation: LevelValue[];
  channelRules: RuleValue[];
};

export function toPolicyForm(policy: TServiceSlaPolicy): PolicyFormValues {
  return {
    name: policy.name,
    rank: policy.rank,
    warningPercent: policy.warningPercent,
    active: policy.active,
    escalation: [...policy.escalation]
      .sort((a, b) => a.level - b.level)
      .map((level) => ({
        level: level.level,
        label: level.label,
        offsetMinutes: level.offsetMinutes,
        from: level.from,
        targetGroupId: level.targetGroupId ?? null,
        targetUserId: level.targetUserId ?? null,
        actions: [...level.actions],
      })),
    channelRules: policy.channelRules.map((rule) => ({
      priority: rule.priority,
      allowedChannels: [...rule.allowedChannels],
      autoReplyTemplate: rule.autoReplyTemplate,
    })),
  };
}

/** The next level number: one above the highest, so levels stay unique. */
export function nextLevel(levels: readonly LevelValue[]): number {
  return levels.reduce((max, level) => Math.max(max, Number(level.level) || 0), 0) + 1;
}

export function newLevel(levels: readonly LevelValue[]): LevelValue {
  return {
    level: nextLevel(levels),
    label: "",
    offsetMinutes: 0,
    from: "creation",
    targetGroupId: null,
    targetUserId: null,
    actions: ["notify"],
  };
}

/** The request fields the form stands for, not yet validated (ZUpdateSlaPolicyRequest does that). */
function requestFields(values: PolicyFormValues) {
  return {
    name: values.name.trim(),
    rank: numberOrText(values.rank),
    warningPercent: numberOrText(values.warningPercent),
    active: values.active,
    escalation: values.escalation.map((level) => ({
      level: numberOrText(level.level),
      label: level.label.trim(),
      offsetMinutes: numberOrText(level.offsetMinutes),
      from: level.from,
      ...(level.targetGroupId ? { targetGroupId: level.targetGroupId } : {}),
      ...(level.targetUserId ? { targetUserId: level.targetUserId } : {}),
      actions: level.actions,
    })),
    channelRules: values.channelRules.map((rule) => ({
      priority: rule.priority ?? "",
      allowedChannels: rule.allowedChannels,
      autoReplyTemplate: rule.autoReplyTemplate.trim(),
    })),
  };
}

/** Only what changed, with the version the edit started from. */
export function policyPatch(policy: TServiceSlaPolicy, values: PolicyFormValues): Record<string, unknown> {
  return { ...changedFields(requestFields(toPolicyForm(policy)), requestFields(values)), version: policy.version };
}
