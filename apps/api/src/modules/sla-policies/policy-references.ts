import type { EscalationLevel, SlaConditions } from "@atende/domain";
import type { TFieldError } from "@atende/contracts";
import type { Tx } from "@atende/db";
import { AppError } from "../../errors";
import { existingCalendarIds } from "../calendars/calendars.repo";
import { tenantPriorities } from "../priorities/priorities.service";
import { existingBuIds, existingUserIds } from "../users/users.repo";
import { existingCatalogueItemIds, existingGroupIds } from "./sla-policies.repo";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type References = { calendarId: string; conditions: SlaConditions; escalation: EscalationLevel[] };

/** Values not among the known ids; non-uuids never reach the database (they cannot be ids and would fail the cast). */
async function unknownIds(values: readonly string[], lookup: (ids: string[]) => Promise<Set<string>>) {
  const ids = [...new Set(values)];
  const known = await lookup(ids.filter((v) => UUID.test(v)));
  return ids.filter((id) => !known.has(id));
}

async function conditionErrors(tx: Tx, tenantId: string, c: SlaConditions, prefix: string): Promise<TFieldError[]> {
  const errors: TFieldError[] = [];
  const badBus = await unknownIds(c.buIds ?? [], (ids) => existingBuIds(tx, tenantId, ids));
  if (badBus.length) errors.push({ path: `${prefix}.buIds`, message: `no such business unit: ${badBus.join(", ")}` });
  const badItems = await unknownIds(c.catalogueItemIds ?? [], (ids) => existingCatalogueItemIds(tx, tenantId, ids));
  if (badItems.length) {
    errors.push({ path: `${prefix}.catalogueItemIds`, message: `no such catalogue item: ${badItems.join(", ")}` });
  }
  if (c.priorities) {
    const levels = new Set((await tenantPriorities(tx, tenantId)).items.map((l) => l.code));
    const badPriorities = c.priorities.filter((p) => !levels.has(p));
    if (badPriorities.length) {
      errors.push({ path: `${prefix}.priorities`, message: `not a priority level: ${badPriorities.join(", ")}` });
    }
  }
  return errors;
}

async function escalationErrors(tx: Tx, tenantId: string, levels: EscalationLevel[], prefix: string) {
  const groups = levels.map((l) => l.targetGroupId).filter((id): id is string => Boolean(id));
  const users = levels.map((l) => l.targetUserId).filter((id): id is string => Boolean(id));
  const badGroups = new Set(await unknownIds(groups, (ids) => existingGroupIds(tx, tenantId, ids)));
  const badUsers = new Set(await unknownIds(users, (ids) => existingUserIds(tx, tenantId, ids)));
  const errors: TFieldError[] = [];
  levels.forEach((level, i) => {
    if (level.targetGroupId && badGroups.has(level.targetGroupId)) {
      errors.push({ path: `${prefix}.${i}.targetGroupId`, message: "no such group in this tenant" });
    }
    if (level.targetUserId && badUsers.has(level.targetUserId)) {
      errors.push({ path: `${prefix}.${i}.targetUserId`, message: "no such user in this tenant" });
    }
  });
  return errors;
}

export function fieldErrors(errors: TFieldError[]) {
  return new AppError("VALIDATION_FAILED", {
    detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
    fields: errors,
  });
}

/** The ids a policy names (calendar, BUs, catalogue items, groups, users) must be this tenant's; 400 names each field. */
export async function checkPolicyReferences(tx: Tx, tenantId: string, policy: References, prefix = "body") {
  const errors: TFieldError[] = [];
  const badCalendars = await unknownIds([policy.calendarId], (ids) => existingCalendarIds(tx, tenantId, ids));
  if (badCalendars.length) errors.push({ path: `${prefix}.calendarId`, message: "no such calendar in this tenant" });
  errors.push(...(await conditionErrors(tx, tenantId, policy.conditions, `${prefix}.conditions`)));
  errors.push(...(await escalationErrors(tx, tenantId, policy.escalation, `${prefix}.escalation`)));
  if (errors.length) throw fieldErrors(errors);
}
