import { z } from "zod";
import {
  ESCALATION_ACTIONS,
  LOCALES,
  NOTIFICATION_EVENTS,
  TICKET_TYPES,
  ZCalendar,
  ZPriorityLevels,
  ZSlaPolicyInput,
  zCountry,
  type NotificationEvent,
  type SlaDuration,
} from "@atende/domain";
import { ZCode, ZIsoDateTime, ZName, ZVersion } from "./common";
import { sortParam, ZPageQuery } from "./pagination";

const ZSearch = z.string().trim().max(100).optional();
const ZListSort = sortParam(["code", "name", "createdAt"], "code");
const ZOptionalBuId = z.uuid().nullable().optional();
const policyShape = ZSlaPolicyInput.shape;

/**
 * Issues of the domain's schema about fields the request's own schema has not already reported (at that place or
 * inside it): the domain stays the authority on policies without each problem being listed twice.
 */
function forwardDomainIssues(issues: readonly z.core.$ZodIssue[], ctx: z.RefinementCtx) {
  const reported = ctx.issues.map((i) => (i.path ?? []).join("."));
  for (const issue of issues) {
    const at = issue.path.join(".");
    const covered = reported.some((r) => at === "" || r === at || r.startsWith(`${at}.`));
    if (!covered) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }
}

const ZDurationFields = z
  .strictObject({
    minutes: z.number().int().min(1).max(525_600).optional(),
    businessDays: z.number().int().min(1).max(365).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.minutes === undefined && d.businessDays === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "a target takes minutes (1-525600) or businessDays (1-365)",
        path: ["minutes"],
      });
    }
    if (d.minutes !== undefined && d.businessDays !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: "a target takes minutes or businessDays, not both",
        path: ["businessDays"],
      });
    }
  });

/**
 * The domain's duration without its transform, so the OpenAPI document keeps examples and errors name the field.
 * After the refinement exactly one key is present, which is the domain's SlaDuration.
 */
export const ZSlaDurationInput = ZDurationFields as unknown as z.ZodType<SlaDuration, z.input<typeof ZDurationFields>>;

const ZTargetsInput = z
  .strictObject({
    firstResponse: ZSlaDurationInput.optional(),
    resolution: ZSlaDurationInput.optional(),
    periodicUpdate: ZSlaDurationInput.optional(),
    followUp: ZSlaDurationInput.optional(),
  })
  .superRefine((targets, ctx) => {
    const parsed = policyShape.targets.safeParse(targets);
    if (!parsed.success) forwardDomainIssues(parsed.error.issues, ctx);
  })
  // Examples document the shape and give generated clients a body that passes the "at least one target" rule.
  .meta({ examples: [{ firstResponse: { minutes: 120 } }] });

/** Template codes may use dots to namespace them (sla.channel.whatsapp_tiers_1_2_only). */
export const ZTemplateCode = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, '.', '-' and '_' only");

// ---- Shared response shapes (no transforms: responses are encoded with these schemas)
export const ZSlaDuration = z.union([
  z.strictObject({ minutes: z.number().int() }),
  z.strictObject({ businessDays: z.number().int() }),
]);
export const ZSlaTargetsView = z.object({
  firstResponse: ZSlaDuration.optional(),
  resolution: ZSlaDuration.optional(),
  periodicUpdate: ZSlaDuration.optional(),
  followUp: ZSlaDuration.optional(),
});
const ZValues = z.array(z.string()).optional();
export const ZSlaConditionsView = z.object({
  buIds: ZValues,
  types: ZValues,
  priorities: ZValues,
  channels: ZValues,
  tiers: ZValues,
  catalogueItemIds: ZValues,
});
export const ZChannelRuleView = z.object({
  priority: z.string(),
  allowedChannels: z.array(z.string()),
  autoReplyTemplate: z.string(),
});
export const ZEscalationLevelView = z.object({
  level: z.number().int(),
  label: z.string(),
  offsetMinutes: z.number().int(),
  from: z.enum(["creation", "breach"]),
  targetUserId: z.string().nullable().optional(),
  targetGroupId: z.string().nullable().optional(),
  actions: z.array(z.enum(ESCALATION_ACTIONS)),
});

// ---- Priorities
export const ZPriorityLevelView = z.object({
  code: z.string(),
  rank: z.number().int(),
  description: z.object({ en: z.string(), es: z.string() }).optional(),
});
export type TPriorityLevelView = z.infer<typeof ZPriorityLevelView>;
export const ZPriorityList = z.object({
  items: z.array(ZPriorityLevelView),
  /** True while the tenant has not saved its own levels: the defaults (high, medium, low) apply. */
  isDefault: z.boolean(),
});
export const ZReplacePrioritiesRequest = z.strictObject({ levels: ZPriorityLevels });
export type TReplacePrioritiesRequest = z.output<typeof ZReplacePrioritiesRequest>;

// ---- Business calendars
export const ZBusinessCalendar = z.object({
  id: z.uuid(),
  buId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  definition: ZCalendar,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TBusinessCalendar = z.infer<typeof ZBusinessCalendar>;
export const ZCreateCalendarRequest = z.strictObject({
  code: ZCode,
  name: ZName,
  buId: ZOptionalBuId,
  definition: ZCalendar,
});
export type TCreateCalendarRequest = z.output<typeof ZCreateCalendarRequest>;
export const ZUpdateCalendarRequest = z.strictObject({
  code: ZCode.optional(),
  name: ZName.optional(),
  definition: ZCalendar.optional(),
  version: ZVersion,
});
export type TUpdateCalendarRequest = z.output<typeof ZUpdateCalendarRequest>;
export const ZCalendarListQuery = ZPageQuery.extend({
  buId: z.uuid().optional(),
  q: ZSearch,
  sort: ZListSort,
}).strict();
export const ZHolidaysQuery = z.strictObject({
  /** Without a country the list is empty: there is nothing to prefill from. */
  country: zCountry.optional(),
  year: z.coerce
    .number()
    .int()
    .min(1970)
    .max(2100)
    .default(() => new Date().getUTCFullYear()),
  /** Language of the holiday names; the country's own language when omitted. */
  lang: z.enum(LOCALES).optional(),
});
export const ZHoliday = z.object({ date: z.iso.date(), name: z.string() });
export const ZHolidayList = z.array(ZHoliday);

// ---- SLA policies
const slaPolicyFields = {
  name: policyShape.name,
  rank: policyShape.rank,
  conditions: policyShape.conditions,
  calendarId: z.uuid(),
  targets: ZTargetsInput,
  warningPercent: policyShape.warningPercent,
  channelRules: policyShape.channelRules,
  escalation: policyShape.escalation,
};

/** The domain's cross-field rules (channel rules vs priorities) apply to requests as they do to stored policies. */
function domainPolicyRules(value: Record<string, unknown>, ctx: z.RefinementCtx) {
  const parsed = ZSlaPolicyInput.safeParse({ ...value, id: "request" });
  if (!parsed.success) forwardDomainIssues(parsed.error.issues, ctx);
}

export const ZServiceSlaPolicy = z.object({
  id: z.uuid(),
  code: z.string(),
  buId: z.uuid().nullable(),
  name: z.string(),
  rank: z.number().int(),
  conditions: ZSlaConditionsView,
  calendarId: z.uuid(),
  targets: ZSlaTargetsView,
  warningPercent: z.number().int(),
  channelRules: z.array(ZChannelRuleView),
  escalation: z.array(ZEscalationLevelView),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TServiceSlaPolicy = z.infer<typeof ZServiceSlaPolicy>;
export const ZCreateSlaPolicyRequest = z
  .strictObject({ code: ZCode, buId: ZOptionalBuId, active: z.boolean().default(true), ...slaPolicyFields })
  .superRefine((value, ctx) => {
    const { code: _code, buId: _buId, active: _active, ...policy } = value;
    domainPolicyRules(policy, ctx);
  });
export type TCreateSlaPolicyRequest = z.output<typeof ZCreateSlaPolicyRequest>;
/** Cross-field rules are checked on the merged policy by the service, so a partial body cannot slip past them. */
export const ZUpdateSlaPolicyRequest = z.strictObject({
  name: slaPolicyFields.name.optional(),
  rank: policyShape.rank.unwrap().optional(),
  conditions: policyShape.conditions.unwrap().optional(),
  calendarId: z.uuid().optional(),
  targets: ZTargetsInput.optional(),
  warningPercent: policyShape.warningPercent.unwrap().optional(),
  channelRules: policyShape.channelRules,
  escalation: policyShape.escalation,
  active: z.boolean().optional(),
  version: ZVersion,
});
export type TUpdateSlaPolicyRequest = z.output<typeof ZUpdateSlaPolicyRequest>;
export const ZSlaPolicyListQuery = ZPageQuery.extend({
  buId: z.uuid().optional(),
  q: ZSearch,
  sort: ZListSort,
}).strict();

// ---- SLA matrix (type x priority), edited per BU
export const ZSlaMatrixQuery = z.strictObject({ buId: z.uuid().optional() });
export const ZSlaMatrixCell = z.object({
  type: z.string(),
  priority: z.string(),
  /** The policy a ticket of this type and priority would get (no channel, tier or catalogue item). */
  policyId: z.uuid().nullable(),
  policyCode: z.string().nullable(),
  targets: ZSlaTargetsView.nullable(),
  calendarId: z.uuid().nullable(),
  warningPercent: z.number().int().nullable(),
});
export const ZSlaMatrix = z.object({
  buId: z.uuid().nullable(),
  types: z.array(z.string()),
  priorities: z.array(ZPriorityLevelView),
  cells: z.array(ZSlaMatrixCell),
});
export type TSlaMatrix = z.infer<typeof ZSlaMatrix>;
export const ZSlaMatrixCellInput = z.strictObject({
  type: z.enum(TICKET_TYPES),
  priority: z.string().trim().min(1).max(40),
  calendarId: z.uuid(),
  targets: ZTargetsInput,
  warningPercent: policyShape.warningPercent,
});
export const ZPutSlaMatrixRequest = z.strictObject({
  buId: ZOptionalBuId,
  cells: z
    .array(ZSlaMatrixCellInput)
    .min(1)
    .max(200)
    .superRefine((cells, ctx) => {
      const seen = new Set<string>();
      cells.forEach((cell, i) => {
        const key = `${cell.type}\u0000${cell.priority}`;
        if (seen.has(key)) {
          ctx.addIssue({ code: "custom", message: "this type and priority appear twice", path: [i, "priority"] });
        }
        seen.add(key);
      });
    }),
});
export type TPutSlaMatrixRequest = z.output<typeof ZPutSlaMatrixRequest>;

// ---- Catalogue items (back-office requests with their own targets)
export const ZCatalogueTargets = z
  .strictObject({ firstResponse: ZSlaDurationInput.optional(), resolution: ZSlaDurationInput.optional() })
  .refine((t) => t.firstResponse !== undefined || t.resolution !== undefined, {
    error: "a catalogue item needs a first response or a resolution target",
  })
  .meta({ examples: [{ resolution: { minutes: 240 } }] });
export const ZCatalogueItem = z.object({
  id: z.uuid(),
  buId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  calendarId: z.uuid(),
  targets: z.object({ firstResponse: ZSlaDuration.optional(), resolution: ZSlaDuration.optional() }),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TCatalogueItem = z.infer<typeof ZCatalogueItem>;
const ZDescription = z.string().trim().min(1).max(2000);
export const ZCreateCatalogueItemRequest = z.strictObject({
  code: ZCode,
  name: ZName,
  description: ZDescription.nullable().optional(),
  calendarId: z.uuid(),
  targets: ZCatalogueTargets,
  buId: ZOptionalBuId,
});
export type TCreateCatalogueItemRequest = z.output<typeof ZCreateCatalogueItemRequest>;
export const ZUpdateCatalogueItemRequest = z.strictObject({
  name: ZName.optional(),
  description: ZDescription.nullable().optional(),
  calendarId: z.uuid().optional(),
  targets: ZCatalogueTargets.optional(),
  active: z.boolean().optional(),
  version: ZVersion,
});
export type TUpdateCatalogueItemRequest = z.output<typeof ZUpdateCatalogueItemRequest>;
export const ZCatalogueListQuery = ZPageQuery.extend({
  buId: z.uuid().optional(),
  q: ZSearch,
  sort: ZListSort,
}).strict();

// ---- Reply templates (predefined messages agents insert; {{variables}})
export const ZReplyTemplate = z.object({
  id: z.uuid(),
  code: z.string(),
  locale: z.string(),
  name: z.string(),
  body: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TReplyTemplate = z.infer<typeof ZReplyTemplate>;
const ZTemplateBody = z.string().trim().min(1).max(10_000);
export const ZCreateReplyTemplateRequest = z.strictObject({
  code: ZTemplateCode,
  locale: z.enum(LOCALES),
  name: ZName,
  body: ZTemplateBody,
});
export type TCreateReplyTemplateRequest = z.output<typeof ZCreateReplyTemplateRequest>;
export const ZUpdateReplyTemplateRequest = z.strictObject({
  name: ZName.optional(),
  body: ZTemplateBody.optional(),
  version: ZVersion,
});
export type TUpdateReplyTemplateRequest = z.output<typeof ZUpdateReplyTemplateRequest>;
export const ZReplyTemplateListQuery = ZPageQuery.extend({
  locale: z.enum(LOCALES).optional(),
  q: ZSearch,
  sort: ZListSort,
}).strict();

// ---- Notification templates (per event and locale)
// The events and the variables each receives are one table in the domain; clients reach the list through here too.
export { NOTIFICATION_EVENTS, type NotificationEvent };
export const ZNotificationTemplate = z.object({
  id: z.uuid().nullable(),
  event: z.enum(NOTIFICATION_EVENTS),
  locale: z.string(),
  subject: z.string(),
  body: z.string(),
  /** 0 for a built-in default the tenant has not saved. */
  version: z.number().int(),
});
export type TNotificationTemplate = z.infer<typeof ZNotificationTemplate>;
export const ZNotificationTemplateList = z.object({ items: z.array(ZNotificationTemplate) });
export const ZNotificationTemplateListQuery = z.strictObject({
  event: z.enum(NOTIFICATION_EVENTS).optional(),
  locale: z.enum(LOCALES).optional(),
});
export const ZNotificationTemplateParams = z.strictObject({
  event: z.enum(NOTIFICATION_EVENTS),
  locale: z.enum(LOCALES),
});
export const ZPutNotificationTemplateRequest = z.strictObject({
  subject: z.string().trim().min(1).max(500),
  body: z.string().trim().min(1).max(20_000),
  /** The version being edited (0 when never saved); a newer stored one makes the write stale. Omit to overwrite. */
  version: z.number().int().min(0).optional(),
});
export type TPutNotificationTemplateRequest = z.output<typeof ZPutNotificationTemplateRequest>;

// ---- Maintenance windows
export const MAINTENANCE_KINDS = ["scheduled", "emergency"] as const;
export const ZMaintenanceWindow = z.object({
  id: z.uuid(),
  buId: z.uuid().nullable(),
  kind: z.enum(MAINTENANCE_KINDS),
  title: z.string(),
  product: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string().nullable(),
  announcedAt: z.string(),
  createdBy: z.uuid().nullable(),
});
export type TMaintenanceWindow = z.infer<typeof ZMaintenanceWindow>;
export const ZMaintenanceWindowCreated = ZMaintenanceWindow.extend({
  /** Subscribers an announcement e-mail was queued for. */
  notified: z.number().int(),
});
export const ZCreateMaintenanceWindowRequest = z
  .strictObject({
    kind: z.enum(MAINTENANCE_KINDS),
    title: ZName,
    product: z.string().trim().min(1).max(200).optional(),
    buId: ZOptionalBuId,
    // Seed 004's window: 22:00-06:00 at GMT-5.
    startsAt: ZIsoDateTime.meta({ examples: ["2099-01-06T03:00:00Z"] }),
    endsAt: ZIsoDateTime.meta({ examples: ["2099-01-06T11:00:00Z"] }),
    reason: z.string().trim().min(10).max(500).optional(),
  })
  .superRefine((body, ctx) => {
    if (Date.parse(body.endsAt) <= Date.parse(body.startsAt)) {
      ctx.addIssue({ code: "custom", message: "endsAt must be after startsAt", path: ["endsAt"] });
    }
    if (body.kind === "emergency" && body.reason === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "an emergency window needs a reason (10-500 characters)",
        path: ["reason"],
      });
    }
  });
export type TCreateMaintenanceWindowRequest = z.output<typeof ZCreateMaintenanceWindowRequest>;
export const ZMaintenanceListQuery = ZPageQuery.extend({
  from: ZIsoDateTime.optional(),
  to: ZIsoDateTime.optional(),
  buId: z.uuid().optional(),
}).strict();

// ---- Playbooks (seed 001)
export const PLAYBOOK_TRIGGERS = [
  "manual",
  "payment_received",
  "more_than_contracted",
  "status_request",
  "delivery",
  "post_sale_change",
  "delivery_dispute",
] as const;
export const ZPlaybookStep = z.strictObject({
  title: z.string().trim().min(1).max(200),
  templateCode: ZTemplateCode.optional(),
});
export const ZPlaybook = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  trigger: z.enum(PLAYBOOK_TRIGGERS),
  steps: z.array(z.object({ title: z.string(), templateCode: z.string().optional() })),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TPlaybook = z.infer<typeof ZPlaybook>;
const ZPlaybookSteps = z.array(ZPlaybookStep).min(1).max(50);
export const ZCreatePlaybookRequest = z.strictObject({
  code: ZCode,
  name: ZName,
  trigger: z.enum(PLAYBOOK_TRIGGERS),
  steps: ZPlaybookSteps,
});
export type TCreatePlaybookRequest = z.output<typeof ZCreatePlaybookRequest>;
export const ZUpdatePlaybookRequest = z.strictObject({
  name: ZName.optional(),
  trigger: z.enum(PLAYBOOK_TRIGGERS).optional(),
  steps: ZPlaybookSteps.optional(),
  active: z.boolean().optional(),
  version: ZVersion,
});
export type TUpdatePlaybookRequest = z.output<typeof ZUpdatePlaybookRequest>;
export const ZPlaybookListQuery = ZPageQuery.extend({
  trigger: z.enum(PLAYBOOK_TRIGGERS).optional(),
  q: ZSearch,
  sort: ZListSort,
}).strict();
