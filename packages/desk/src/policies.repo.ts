import type { Tx } from "@atende/db";
import { ZCalendar, type Calendar, type SlaPolicy } from "@atende/domain";

/** Active SLA policies of the tenant in the domain's shape (the JSON columns hold exactly the domain's fields). */
export async function loadPolicies(tx: Tx, tenantId: string): Promise<SlaPolicy[]> {
  const rows = await tx.slaPolicy.findMany({ where: { tenantId, active: true } });
  return rows.map((r) => ({
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
  }));
}

export async function loadCalendar(tx: Tx, tenantId: string, calendarId: string): Promise<Calendar> {
  const row = await tx.businessCalendar.findFirst({
    where: { tenantId, id: calendarId },
    select: { definition: true },
  });
  const parsed = ZCalendar.safeParse(row?.definition);
  // A policy whose calendar vanished or went invalid still gets a clock: real time is the conservative reading.
  return parsed.success ? parsed.data : "24x7";
}
