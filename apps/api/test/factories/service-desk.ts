import { withTenant, type Db, PrismaNamespace } from "@atende/db";
import type { SlaPolicyInput } from "@atende/domain";

/** A calendar and SLA policy written straight to the tables the admin API manages (tests of tickets need only rows). */
export async function givenPolicy(
  db: Db,
  tenantId: string,
  policy: Omit<SlaPolicyInput, "calendarId" | "id"> & { code: string; calendar: unknown },
): Promise<{ policyId: string; calendarId: string }> {
  return withTenant(db, tenantId, async (tx) => {
    const calendar = await tx.businessCalendar.create({
      data: {
        tenantId,
        code: `cal-${policy.code}`,
        name: `Calendar ${policy.code}`,
        definition: policy.calendar as PrismaNamespace.InputJsonValue,
      },
    });
    const row = await tx.slaPolicy.create({
      data: {
        tenantId,
        code: policy.code,
        name: policy.name,
        rank: policy.rank ?? 100,
        conditions: (policy.conditions ?? {}) as PrismaNamespace.InputJsonValue,
        calendarId: calendar.id,
        targets: policy.targets as PrismaNamespace.InputJsonValue,
        warningPercent: policy.warningPercent ?? 75,
        channelRules: (policy.channelRules ?? []) as PrismaNamespace.InputJsonValue,
        escalation: (policy.escalation ?? []) as PrismaNamespace.InputJsonValue,
      },
    });
    return { policyId: row.id, calendarId: calendar.id };
  });
}
