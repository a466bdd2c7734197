import { z } from "zod";
import type { SlaDuration } from "../calendar/calendar";
import { TICKET_CHANNELS } from "../tickets/classification";
import { ZEscalationLevels, type EscalationLevel } from "./escalation";

export type SlaTargets = {
  firstResponse?: SlaDuration;
  resolution?: SlaDuration;
  periodicUpdate?: SlaDuration;
  followUp?: SlaDuration;
};

/** A stated condition matches when it lists the ticket's value; an omitted one matches anything. */
export type SlaConditions = {
  buIds?: string[];
  types?: string[];
  priorities?: string[];
  channels?: string[];
  tiers?: string[];
  catalogueItemIds?: string[];
};

export type ChannelRule = { priority: string; allowedChannels: string[]; autoReplyTemplate: string };

export type SlaPolicy = {
  id: string;
  name: string;
  rank: number;
  conditions: SlaConditions;
  calendarId: string;
  targets: SlaTargets;
  warningPercent: number;
  channelRules?: ChannelRule[];
  escalation?: EscalationLevel[];
  /** Seed 003 counts resolution "after the initial diagnosis"; the default counts it from creation. */
  resolutionStartsAt?: "creation" | "first_response";
};

export const DEFAULT_WARNING_PERCENT = 75;

const zId = z.string().min(1, { error: "id is required" }).max(64, { error: "id takes at most 64 characters" });
const zValue = z.string().min(1).max(64);
const zChannel = z.enum(TICKET_CHANNELS, { error: `channel must be one of ${TICKET_CHANNELS.join(", ")}` });

function zList<T extends z.ZodType<string>>(
  label: string,
  item: T,
  emptyMessage = `${label} needs at least one value, or leave the condition out`,
) {
  return z
    .array(item)
    .min(1, { error: emptyMessage })
    .max(200, { error: `${label} lists at most 200 values` })
    .refine((values) => new Set(values).size === values.length, { error: `${label} lists a value twice` });
}

const zDuration = z
  .strictObject({
    minutes: z
      .number()
      .int({ error: "minutes must be a whole number" })
      .min(1, { error: "minutes must be at least 1" })
      .max(525_600, { error: "minutes are at most one year (525600)" })
      .optional(),
    businessDays: z
      .number()
      .int({ error: "business days must be a whole number" })
      .min(1, { error: "business days must be at least 1" })
      .max(365, { error: "business days are at most 365" })
      .optional(),
  })
  .refine((d) => (d.minutes === undefined) !== (d.businessDays === undefined), {
    error: "a target takes either minutes or businessDays, exactly one",
  })
  .transform((d): SlaDuration =>
    d.businessDays !== undefined ? { businessDays: d.businessDays } : { minutes: d.minutes ?? 0 },
  );

const zTargets = z
  .strictObject({
    firstResponse: zDuration.optional(),
    resolution: zDuration.optional(),
    periodicUpdate: zDuration.optional(),
    followUp: zDuration.optional(),
  })
  .refine((t) => Object.values(t).some((target) => target !== undefined), {
    error: "a policy needs at least one target: first response, resolution, periodic update or follow-up",
  });

const zChannelRule = z.strictObject({
  priority: zValue,
  allowedChannels: zList("allowed channels", zChannel, "a channel rule needs at least one allowed channel"),
  autoReplyTemplate: z.string().min(1, { error: "a channel rule needs an auto-reply template" }).max(120),
});

function duplicateRulePriority(rules: ReadonlyArray<{ priority: string }>): number | undefined {
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    if (seen.has(rule.priority)) return index;
    seen.add(rule.priority);
  }
  return undefined;
}

export const ZSlaPolicyInput = z
  .strictObject({
    id: zId,
    name: z
      .string()
      .min(1, { error: "policy name is required" })
      .max(200, { error: "policy name takes at most 200 characters" }),
    rank: z.number().int({ error: "rank must be a whole number" }).min(0).max(100_000).default(100),
    conditions: z
      .strictObject({
        buIds: zList("business units", zId).optional(),
        types: zList("types", zValue).optional(),
        priorities: zList("priorities", zValue).optional(),
        channels: zList("channels", zChannel).optional(),
        tiers: zList("tiers", zValue).optional(),
        catalogueItemIds: zList("catalogue items", zId).optional(),
      })
      .default({}),
    calendarId: zId,
    targets: zTargets,
    warningPercent: z
      .number()
      .int({ error: "warning percent must be a whole number between 1 and 99" })
      .min(1, { error: "warning percent must be a whole number between 1 and 99" })
      .max(99, { error: "warning percent must be a whole number between 1 and 99" })
      .default(DEFAULT_WARNING_PERCENT),
    channelRules: z.array(zChannelRule).max(20, { error: "at most 20 channel rules" }).optional(),
    escalation: ZEscalationLevels.optional(),
    resolutionStartsAt: z.enum(["creation", "first_response"]).optional(),
  })
  .superRefine((policy, ctx) => {
    const rules = policy.channelRules ?? [];
    const duplicate = duplicateRulePriority(rules);
    if (duplicate !== undefined) {
      const message = `priority ${rules[duplicate]?.priority} has more than one channel rule`;
      ctx.addIssue({ code: "custom", message, path: ["channelRules", duplicate, "priority"] });
    }
    const priorities = policy.conditions.priorities;
    rules.forEach((rule, index) => {
      if (priorities && !priorities.includes(rule.priority)) {
        const message = `channel rule priority ${rule.priority} is not among the policy's priorities`;
        ctx.addIssue({ code: "custom", message, path: ["channelRules", index, "priority"] });
      }
    });
  });

export type SlaPolicyInput = z.input<typeof ZSlaPolicyInput>;

/** The ticket's facts a policy is matched on: its effective (final, else proposed) type and priority. */
export type SlaTicketFacts = {
  buId: string | null;
  type: string;
  priority: string;
  channel: string;
  tier: string | null;
  catalogueItemId: string | null;
};

const CONDITION_FIELDS = [
  ["buIds", "buId"],
  ["types", "type"],
  ["priorities", "priority"],
  ["channels", "channel"],
  ["tiers", "tier"],
  ["catalogueItemIds", "catalogueItemId"],
] as const satisfies ReadonlyArray<readonly [keyof SlaConditions, keyof SlaTicketFacts]>;

function statedConditions(policy: SlaPolicy): number {
  return CONDITION_FIELDS.filter(([condition]) => policy.conditions[condition] !== undefined).length;
}

export function policyMatches(policy: SlaPolicy, ticket: SlaTicketFacts): boolean {
  return CONDITION_FIELDS.every(([condition, fact]) => {
    const values = policy.conditions[condition];
    const value = ticket[fact];
    return values === undefined || (value !== null && values.includes(value));
  });
}

/** Most stated conditions wins, then the lowest rank, then the id, so the choice never depends on list order. */
export function matchPolicy(policies: readonly SlaPolicy[], ticket: SlaTicketFacts): SlaPolicy | null {
  const ranked = policies
    .filter((policy) => policyMatches(policy, ticket))
    .map((policy) => ({ policy, specificity: statedConditions(policy) }))
    .sort(
      (a, b) =>
        b.specificity - a.specificity ||
        a.policy.rank - b.policy.rank ||
        (a.policy.id < b.policy.id ? -1 : a.policy.id > b.policy.id ? 1 : 0),
    );
  return ranked[0]?.policy ?? null;
}

export type ChannelCheck = { allowed: true } | { allowed: false; autoReplyTemplate: string; allowedChannels: string[] };

/** A priority without a rule may come through any channel. */
export function checkChannel(
  policy: Pick<SlaPolicy, "channelRules"> | null,
  priority: string,
  channel: string,
): ChannelCheck {
  const rule = policy?.channelRules?.find((r) => r.priority === priority);
  if (!rule || rule.allowedChannels.includes(channel)) return { allowed: true };
  return { allowed: false, autoReplyTemplate: rule.autoReplyTemplate, allowedChannels: [...rule.allowedChannels] };
}
