import type { Tx } from "@atende/db";
import {
  DEFAULT_NOTIFICATION_TEMPLATES,
  DEFAULT_PRIORITIES,
  NOTIFICATION_LOCALES,
  SEED_CALENDAR_CODES,
  SEED_CALENDARS,
  SEED_CATALOGUE,
  SEED_CATALOGUE_POLICIES,
  SEED_REPLY_TEMPLATES,
  SEED_SLA_POLICIES,
  ZSlaPolicyInput,
  type Calendar,
  type SeedSlaPolicy,
} from "@atende/domain";
import { NOTIFICATION_EVENTS } from "@atende/contracts";
import * as calendars from "../modules/calendars/calendars.repo";
import { publicHolidays } from "../modules/calendars/holidays";
import * as catalogue from "../modules/catalogue/catalogue.repo";
import * as playbooks from "../modules/playbooks/playbooks.repo";
import { SEED_PLAYBOOK_TEMPLATES, SEED_PLAYBOOKS } from "../modules/playbooks/seed-playbooks";
import * as priorities from "../modules/priorities/priorities.repo";
import * as policies from "../modules/sla-policies/sla-policies.repo";
import * as notifications from "../modules/templates/notification-templates.repo";
import * as replies from "../modules/templates/reply-templates.repo";

export type ServiceDeskSeedIds = {
  /** BU code -> id; the seeded configuration is tenant-wide, so no row is tied to a BU yet. */
  buIds: Record<string, string>;
  /** Group code -> id: escalation levels name groups by code (L1, L3). */
  groupIds: Record<string, string>;
};

export type ServiceDeskSeedResult = Record<
  "priorities" | "calendars" | "catalogueItems" | "policies" | "replyTemplates" | "notificationTemplates" | "playbooks",
  number
>;

const HOLIDAY_YEARS = [2026, 2027];

/** Calendars open on weekdays only get Spain's national holidays from the holiday library added to the seed's. */
function withSpanishHolidays(calendar: Calendar): Calendar {
  if (calendar === "24x7" || calendar.hours.sat.length > 0 || calendar.hours.sun.length > 0) return calendar;
  const fetched = HOLIDAY_YEARS.flatMap((year) => (publicHolidays("ES", year) ?? []).map((h) => h.date));
  return { ...calendar, holidays: [...new Set([...calendar.holidays, ...fetched])].sort() };
}

async function seedCalendars(tx: Tx, tenantId: string, created: ServiceDeskSeedResult) {
  const ids: Record<string, string> = {};
  for (const code of SEED_CALENDAR_CODES) {
    const found = await calendars.findCalendarByCode(tx, tenantId, code);
    if (found) {
      ids[code] = found.id;
      continue;
    }
    const seed = SEED_CALENDARS[code];
    const row = await calendars.createCalendar(tx, tenantId, {
      buId: null,
      code,
      name: seed.name,
      definition: withSpanishHolidays(seed.calendar),
    });
    ids[code] = row.id;
    created.calendars++;
  }
  return ids;
}

async function seedCatalogue(
  tx: Tx,
  tenantId: string,
  calendarIds: Record<string, string>,
  created: ServiceDeskSeedResult,
) {
  const ids: Record<string, string> = {};
  for (const item of SEED_CATALOGUE) {
    const found = await catalogue.findCatalogueItemByCode(tx, tenantId, item.code);
    if (found) {
      ids[item.code] = found.id;
      continue;
    }
    const row = await catalogue.createCatalogueItem(tx, tenantId, {
      buId: null,
      code: item.code,
      name: item.name.es === item.name.en ? item.name.en : `${item.name.es} / ${item.name.en}`,
      description: item.description.es,
      calendarId: calendarIds[item.calendarId]!,
      targets: item.targets,
      active: true,
    });
    ids[item.code] = row.id;
    created.catalogueItems++;
  }
  return ids;
}

function lookup(ids: Record<string, string>, code: string, what: string): string {
  const id = ids[code];
  if (!id) throw new Error(`seedServiceDesk: no ${what} with the code ${code}`);
  return id;
}

export type Resolver = {
  calendars: Record<string, string>;
  groups: Record<string, string>;
  items: Record<string, string>;
};

/** Codes in the seed become this tenant's ids; the result is checked against the domain schema before it is stored. */
export function resolvePolicy(p: SeedSlaPolicy, ids: Resolver): policies.PolicyData {
  const calendarId = lookup(ids.calendars, p.calendarId, "calendar");
  const escalation = (p.escalation ?? []).map((level) =>
    level.targetGroupId ? { ...level, targetGroupId: lookup(ids.groups, level.targetGroupId, "group") } : level,
  );
  const itemCodes = p.conditions.catalogueItemIds;
  const conditions = itemCodes
    ? { ...p.conditions, catalogueItemIds: itemCodes.map((code) => lookup(ids.items, code, "catalogue item")) }
    : p.conditions;
  const parsed = ZSlaPolicyInput.parse({ ...p, conditions, calendarId, escalation, resolutionStartsAt: undefined });
  return {
    code: p.id,
    buId: null,
    name: parsed.name,
    rank: parsed.rank,
    conditions: parsed.conditions,
    calendarId,
    targets: parsed.targets,
    resolutionStartsAt: p.resolutionStartsAt ?? "creation",
    warningPercent: parsed.warningPercent,
    channelRules: parsed.channelRules ?? [],
    escalation: parsed.escalation ?? [],
    active: true,
  };
}

async function seedPolicies(tx: Tx, tenantId: string, ids: Resolver, created: ServiceDeskSeedResult) {
  for (const p of [...SEED_SLA_POLICIES, ...SEED_CATALOGUE_POLICIES]) {
    if (await policies.findPolicyByCode(tx, tenantId, p.id)) continue;
    await policies.createPolicy(tx, tenantId, resolvePolicy(p, ids));
    created.policies++;
  }
}

async function seedTemplates(tx: Tx, tenantId: string, created: ServiceDeskSeedResult) {
  for (const t of [...SEED_REPLY_TEMPLATES, ...SEED_PLAYBOOK_TEMPLATES]) {
    if (await replies.replyTemplateExists(tx, tenantId, t.code, t.locale)) continue;
    await replies.createReplyTemplate(tx, tenantId, t);
    created.replyTemplates++;
  }
  for (const event of NOTIFICATION_EVENTS) {
    for (const locale of NOTIFICATION_LOCALES) {
      if (await notifications.findNotificationTemplate(tx, tenantId, event, locale)) continue;
      await notifications.createNotificationTemplate(tx, tenantId, {
        event,
        locale,
        ...DEFAULT_NOTIFICATION_TEMPLATES[event][locale],
      });
      created.notificationTemplates++;
    }
  }
}

async function seedPlaybooks(tx: Tx, tenantId: string, created: ServiceDeskSeedResult) {
  for (const p of SEED_PLAYBOOKS) {
    if (await playbooks.findPlaybookByCode(tx, tenantId, p.code)) continue;
    await playbooks.createPlaybook(tx, tenantId, { ...p, active: true });
    created.playbooks++;
  }
}

/**
 * The seeds' service-desk configuration for a tenant: priorities, calendars, catalogue, SLA policies, templates and
 * playbooks. Idempotent: rows are found by code and never overwritten, so an admin's later edits survive a re-run.
 */
export async function seedServiceDesk(
  tx: Tx,
  tenantId: string,
  ids: ServiceDeskSeedIds,
): Promise<ServiceDeskSeedResult> {
  const created: ServiceDeskSeedResult = {
    priorities: 0,
    calendars: 0,
    catalogueItems: 0,
    policies: 0,
    replyTemplates: 0,
    notificationTemplates: 0,
    playbooks: 0,
  };
  if ((await priorities.listPriorities(tx, tenantId)).length === 0) {
    await priorities.replacePriorities(tx, tenantId, DEFAULT_PRIORITIES);
    created.priorities = DEFAULT_PRIORITIES.length;
  }
  const calendarIds = await seedCalendars(tx, tenantId, created);
  const itemIds = await seedCatalogue(tx, tenantId, calendarIds, created);
  await seedPolicies(tx, tenantId, { calendars: calendarIds, groups: ids.groupIds, items: itemIds }, created);
  await seedTemplates(tx, tenantId, created);
  await seedPlaybooks(tx, tenantId, created);
  return created;
}
