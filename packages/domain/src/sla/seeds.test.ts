import { describe, expect, it } from "vitest";
import { dueFor } from "../calendar/business-time";
import { ZCalendar } from "../calendar/calendar";
import { DEFAULT_PRIORITIES, TICKET_TYPES } from "../tickets/classification";
import { ZSlaPolicyInput, checkChannel, matchPolicy, type SlaTicketFacts } from "./policy";
import { SEED_CALENDARS, SEED_CALENDAR_CODES } from "./seed-calendars";
import { SEED_CATALOGUE, SEED_CATALOGUE_POLICIES } from "./seed-catalogue";
import { SEED_001_CONTRACT_TIER, SEED_REPLY_TEMPLATES, SEED_SLA_POLICIES } from "./seed-policies";

const ALL = [...SEED_SLA_POLICIES, ...SEED_CATALOGUE_POLICIES];
const facts = (overrides: Partial<SlaTicketFacts>): SlaTicketFacts => ({
  buId: "bu-es",
  type: "incident",
  priority: "high",
  channel: "email",
  tier: null,
  catalogueItemId: null,
  ...overrides,
});

describe("seed SLA data", () => {
  it("validates against the policy schema unchanged", () => {
    for (const policy of ALL) {
      const parsed = ZSlaPolicyInput.safeParse(policy);
      expect(parsed.error?.issues ?? [], policy.id).toEqual([]);
      expect(parsed.data).toEqual(policy);
    }
  });

  it("uses unique ids, known calendars, priorities and types", () => {
    expect(new Set(ALL.map((p) => p.id)).size).toBe(ALL.length);
    const priorities = DEFAULT_PRIORITIES.map((p) => p.code);
    for (const policy of ALL) {
      expect(SEED_CALENDAR_CODES).toContain(policy.calendarId);
      for (const priority of policy.conditions.priorities ?? []) expect(priorities).toContain(priority);
      for (const type of policy.conditions.types ?? []) expect(TICKET_TYPES).toContain(type);
    }
  });

  it("defines every referenced calendar validly", () => {
    for (const code of SEED_CALENDAR_CODES)
      expect(ZCalendar.safeParse(SEED_CALENDARS[code].calendar).success, code).toBe(true);
  });

  it("has each auto-reply template in Spanish and English", () => {
    const templates = ALL.flatMap((p) => p.channelRules ?? []).map((rule) => rule.autoReplyTemplate);
    expect(templates.length).toBeGreaterThan(0);
    for (const code of templates) {
      expect(
        SEED_REPLY_TEMPLATES.filter((t) => t.code === code)
          .map((t) => t.locale)
          .sort(),
      ).toEqual(["en", "es"]);
    }
  });

  it("gives catalogue items unique codes, each matched by its own policy", () => {
    expect(new Set(SEED_CATALOGUE.map((item) => item.code)).size).toBe(SEED_CATALOGUE.length);
    for (const item of SEED_CATALOGUE) {
      expect(matchPolicy(ALL, facts({ type: "service_request", catalogueItemId: item.code }))?.targets).toEqual(
        item.targets,
      );
    }
  });
});

describe("seed policies in use", () => {
  it("routes incidents to seed 004 and defects or improvements to seed 003", () => {
    const high = matchPolicy(ALL, facts({}));
    expect(high?.id).toBe("s004-incident-high");
    expect(high?.targets).toEqual({
      firstResponse: { minutes: 10 },
      periodicUpdate: { minutes: 180 },
      followUp: { minutes: 1440 },
    });
    expect(high?.escalation?.map((l) => l.offsetMinutes)).toEqual([0, 60, 120, 240]);
    expect(matchPolicy(ALL, facts({ priority: "low" }))?.targets).toEqual({ firstResponse: { minutes: 360 } });
    expect(matchPolicy(ALL, facts({ type: "defect", priority: "medium" }))?.targets.resolution).toEqual({
      businessDays: 2,
    });
    expect(matchPolicy(ALL, facts({ type: "improvement", priority: "low" }))?.targets.resolution).toEqual({
      businessDays: 6,
    });
    expect(matchPolicy(ALL, facts({ type: "task" }))).toBeNull();
  });

  it("applies seed 001's tiers to web-support customers and keeps tier 3 off WhatsApp", () => {
    const tier3 = matchPolicy(ALL, facts({ tier: SEED_001_CONTRACT_TIER, priority: "low", channel: "whatsapp" }));
    expect(tier3?.id).toBe("s001-tier-3");
    expect(tier3?.targets.firstResponse).toEqual({ minutes: 1440 });
    expect(checkChannel(tier3 ?? null, "low", "whatsapp")).toMatchObject({
      allowed: false,
      autoReplyTemplate: "sla.channel.whatsapp_tiers_1_2_only",
    });
    expect(checkChannel(tier3 ?? null, "low", "email")).toEqual({ allowed: true });
    const tier1 = matchPolicy(ALL, facts({ tier: SEED_001_CONTRACT_TIER, channel: "whatsapp" }));
    expect(tier1?.id).toBe("s001-tier-1");
    expect(checkChannel(tier1 ?? null, "high", "whatsapp")).toEqual({ allowed: true });
  });

  it("counts seed 003's business days on the business calendar", () => {
    const calendar = SEED_CALENDARS["business-es"].calendar;
    // Friday 2026-04-03 is Good Friday: two business days from a diagnosis on Thursday 2 April end on Tuesday 7 April.
    const due = dueFor(calendar, new Date("2026-04-02T08:00:00Z"), { businessDays: 2 });
    expect(due.toISOString()).toBe("2026-04-07T16:00:00.000Z");
  });
});
