import { TICKET_CHANNELS } from "../tickets/classification";
import { SEED_004_ESCALATION } from "./escalation";
import type { SlaPolicy, SlaTargets } from "./policy";
import type { SeedCalendarCode } from "./seed-calendars";

/**
 * The demo tenant's SLA policies from the seeds. `calendarId` holds a calendar code (SEED_CALENDAR_CODES) and
 * escalation targetGroupId a group code (L1, L3): the seed service resolves both to ids. Priorities use the default
 * levels (high, medium, low); seed 001's failure tiers map onto them (tier 1 = high, 2 = medium, 3 = low) for
 * organisations on the "web_support" contract tier.
 */
export type SeedSlaPolicy = SlaPolicy & { calendarId: SeedCalendarCode };

export const SEED_001_CONTRACT_TIER = "web_support";
export const WHATSAPP_TIERS_ONLY_TEMPLATE = "sla.channel.whatsapp_tiers_1_2_only";

type PolicyRow = Omit<SeedSlaPolicy, "rank" | "warningPercent"> & { rank?: number };

function policy(row: PolicyRow): SeedSlaPolicy {
  return { rank: 100, warningPercent: 75, ...row };
}

// Seed 004 "Acuerdos de servicio": first response per incident priority; high incidents also get updates every 3 h,
// a failure report within 24 h of the solution and the escalation matrix.
const SEED_004: SeedSlaPolicy[] = [
  policy({
    id: "s004-incident-high",
    name: "Incidente alto / High incident",
    conditions: { types: ["incident"], priorities: ["high"] },
    calendarId: "24x7",
    targets: { firstResponse: { minutes: 10 }, periodicUpdate: { minutes: 180 }, followUp: { minutes: 1440 } },
    escalation: [...SEED_004_ESCALATION],
  }),
  policy({
    id: "s004-incident-medium",
    name: "Incidente medio / Medium incident",
    conditions: { types: ["incident"], priorities: ["medium"] },
    calendarId: "business-es",
    targets: { firstResponse: { minutes: 120 } },
  }),
  policy({
    id: "s004-incident-low",
    name: "Incidente bajo / Low incident",
    conditions: { types: ["incident"], priorities: ["low"] },
    calendarId: "business-es",
    targets: { firstResponse: { minutes: 360 } },
  }),
];

// Seed 003: initial diagnosis within 2 business hours; resolution per type x criticality counted after the diagnosis.
const SEED_003_MATRIX: Array<
  [type: "defect" | "improvement", label: string, priority: string, resolution: SlaTargets["resolution"]]
> = [
  ["defect", "Defecto / Defect", "high", { minutes: 240 }],
  ["defect", "Defecto / Defect", "medium", { businessDays: 2 }],
  ["defect", "Defecto / Defect", "low", { businessDays: 4 }],
  ["improvement", "Mejora / Improvement", "high", { businessDays: 1 }],
  ["improvement", "Mejora / Improvement", "medium", { businessDays: 4 }],
  ["improvement", "Mejora / Improvement", "low", { businessDays: 6 }],
];

const SEED_003: SeedSlaPolicy[] = SEED_003_MATRIX.map(([type, label, priority, resolution]) =>
  policy({
    id: `s003-${type}-${priority}`,
    name: `${label} (${priority})`,
    conditions: { types: [type], priorities: [priority] },
    calendarId: "business-es",
    targets: { firstResponse: { minutes: 120 }, resolution },
    resolutionStartsAt: "first_response",
  }),
);

// Seed 001: "esta línea atenderá única y exclusivamente las fallas de primera y segunda necesidad".
const NOT_WHATSAPP = TICKET_CHANNELS.filter((channel) => channel !== "whatsapp");

// Seed 001 gives ranges (0-4 h, 4-12 h, 12-24 h); the upper bound is the target, in wall-clock hours.
const SEED_001_TIERS = [
  { tier: 1, label: "Falla de primera necesidad / Tier 1 failure", priority: "high", minutes: 240 },
  { tier: 2, label: "Falla de segunda necesidad / Tier 2 failure", priority: "medium", minutes: 720 },
  { tier: 3, label: "Falla de tercera necesidad / Tier 3 failure", priority: "low", minutes: 1440 },
];

// Ranked ahead of the generic type policies: the contract tier is the more specific agreement for its organisations.
const SEED_001: SeedSlaPolicy[] = SEED_001_TIERS.map(({ tier, label, priority, minutes }) =>
  policy({
    id: `s001-tier-${tier}`,
    name: label,
    rank: 50,
    conditions: { tiers: [SEED_001_CONTRACT_TIER], priorities: [priority] },
    calendarId: "24x7",
    targets: { firstResponse: { minutes } },
    ...(tier === 3
      ? { channelRules: [{ priority, allowedChannels: NOT_WHATSAPP, autoReplyTemplate: WHATSAPP_TIERS_ONLY_TEMPLATE }] }
      : {}),
  }),
);

export const SEED_SLA_POLICIES: readonly SeedSlaPolicy[] = [...SEED_004, ...SEED_003, ...SEED_001];

/** Reply templates (ReplyTemplate code x locale) the seed policies' channel rules send. */
export const SEED_REPLY_TEMPLATES: ReadonlyArray<{ code: string; locale: "es" | "en"; name: string; body: string }> = [
  {
    code: WHATSAPP_TIERS_ONLY_TEMPLATE,
    locale: "es",
    name: "Canal WhatsApp solo para fallas de primera y segunda necesidad",
    body:
      "Hola {{customerName}}: hemos registrado tu caso número {{ticketNumber}}. Esta línea de WhatsApp atiende única y " +
      "exclusivamente las fallas de primera y segunda necesidad. Las fallas de tercera necesidad (errores de ortografía, " +
      "inconsistencias visuales mínimas o dudas sobre el funcionamiento de la plataforma) se reportan por correo " +
      "electrónico a {{supportEmail}}. Una vez solucionado el problema, te lo haremos saber por ese mismo medio.",
  },
  {
    code: WHATSAPP_TIERS_ONLY_TEMPLATE,
    locale: "en",
    name: "WhatsApp line only for tier 1 and tier 2 failures",
    body:
      "Hello {{customerName}}: we have registered your case number {{ticketNumber}}. This WhatsApp line serves tier 1 " +
      "and tier 2 failures only. Tier 3 failures (spelling mistakes, minor visual inconsistencies or questions about " +
      "how the platform works) are reported by e-mail to {{supportEmail}}. Once the problem is solved, we will let you " +
      "know through that same channel.",
  },
];
