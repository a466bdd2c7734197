import type { Tx } from "@atende/db";
import { ZCalendar, type Calendar, type SlaPolicy } from "@atende/domain";

/** A stored policy's columns, as the ORM or a raw query (camel-cased) returns them. */
export type SlaPolicyRow = {
  id: string;
  name: string;
  rank: number;
  conditions: unknown;
  calendarId: string;
  targets: unknown;
  warningPercent: number;
  channelRules: unknown;
  escalation: unknown;
  resolutionStartsAt: string;
};

/** The domain's shape of a policy (the JSON columns hold exactly the domain's fields). */
export function toSlaPolicy(r: SlaPolicyRow): SlaPolicy {
  return {
    id: r.id,
    name: r.name,
    rank: r.rank,
    conditions: r.conditions as SlaPolicy["conditions"],
    calendarId: r.calendarId,
    targets: r.targets as SlaPolicy["targets"],
    warningPercent: r.warningPercent,
    channelRules: r.channelRules as SlaPolicy["channelRules"],
    escalation: r.escalation as SlaPolicy["escalation"],
    resolutionStartsAt: r.resolutionStartsAt === "first_response" ? "first_response" : "creation",
  };
}

/** Active SLA policies of the tenant in the domain's shape. */
export async function loadPolicies(tx: Tx, tenantId: string): Promise<SlaPolicy[]> {
  const rows = await tx.slaPolicy.findMany({ where: { tenantId, active: true } });
  return rows.map(toSlaPolicy);
}

/** A policy whose calendar vanished or went invalid still gets a clock: real time is the conservative reading. */
export function parseCalendar(definition: unknown): Calendar {
  const parsed = ZCalendar.safeParse(definition);
  return parsed.success ? parsed.data : "24x7";
}

export async function loadCalendar(tx: Tx, tenantId: string, calendarId: string): Promise<Calendar> {
  const row = await tx.businessCalendar.findFirst({
    where: { tenantId, id: calendarId },
    select: { definition: true },
  });
  return parseCalendar(row?.definition);
}
