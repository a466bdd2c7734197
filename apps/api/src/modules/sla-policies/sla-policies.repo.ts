import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { ChannelRule, EscalationLevel, SlaConditions, SlaPolicy, SlaTargets } from "@atende/domain";
import type { TServiceSlaPolicy } from "@atende/contracts";
import { decodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";
import { buVisibility, codeOrNameContains, pageOf, ZListCursor, type ListQuery } from "../calendars/listing";

type Row = {
  id: string;
  code: string;
  buId: string | null;
  name: string;
  rank: number;
  conditions: PrismaNamespace.JsonValue;
  calendarId: string;
  targets: PrismaNamespace.JsonValue;
  warningPercent: number;
  channelRules: PrismaNamespace.JsonValue;
  escalation: PrismaNamespace.JsonValue;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A policy row's JSON columns hold the domain's shapes exactly, so a row reads back as a domain SlaPolicy. */
export type PolicyData = {
  code: string;
  buId: string | null;
  name: string;
  rank: number;
  conditions: SlaConditions;
  calendarId: string;
  targets: SlaTargets;
  warningPercent: number;
  channelRules: ChannelRule[];
  escalation: EscalationLevel[];
  active: boolean;
  resolutionStartsAt?: "creation" | "first_response";
};

const json = (value: unknown) => value as PrismaNamespace.InputJsonValue;

export function toPolicy(r: Row): TServiceSlaPolicy {
  return {
    ...r,
    conditions: r.conditions as SlaConditions,
    targets: r.targets as SlaTargets,
    channelRules: (r.channelRules ?? []) as ChannelRule[],
    escalation: (r.escalation ?? []) as EscalationLevel[],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The domain view of a stored policy: its id is the row's uuid and calendarId the calendar row's uuid. */
export function toDomainPolicy(p: TServiceSlaPolicy): SlaPolicy {
  return {
    id: p.id,
    name: p.name,
    rank: p.rank,
    conditions: p.conditions,
    calendarId: p.calendarId,
    targets: p.targets,
    warningPercent: p.warningPercent,
    ...(p.channelRules.length > 0 ? { channelRules: p.channelRules } : {}),
    ...(p.escalation.length > 0 ? { escalation: p.escalation as EscalationLevel[] } : {}),
  };
}

export async function listPolicies(
  tx: Tx,
  tenantId: string,
  q: ListQuery & { buId?: string | undefined; buIds: "all" | string[] },
) {
  const after = decodeCursor(q.cursor, ZListCursor);
  const where: PrismaNamespace.SlaPolicyWhereInput = {
    tenantId,
    AND: [buVisibility(q.buIds, q.buId), codeOrNameContains(q.q), after ? seekAfter(q.sort, after) : {}],
  };
  const rows = await tx.slaPolicy.findMany({ where, orderBy: orderFor(q.sort), take: q.limit + 1 });
  return pageOf(rows, q, toPolicy);
}

export async function activePolicyRows(tx: Tx, tenantId: string): Promise<TServiceSlaPolicy[]> {
  const rows = await tx.slaPolicy.findMany({ where: { tenantId, active: true }, orderBy: { id: "asc" } });
  return rows.map(toPolicy);
}

/** Every active policy of the tenant in domain form, ready for matchPolicy. */
export async function activePolicies(tx: Tx, tenantId: string): Promise<SlaPolicy[]> {
  return (await activePolicyRows(tx, tenantId)).map(toDomainPolicy);
}

export async function findPolicy(tx: Tx, tenantId: string, id: string) {
  const row = await tx.slaPolicy.findFirst({ where: { id, tenantId } });
  return row ? toPolicy(row) : null;
}

export async function findPolicyByCode(tx: Tx, tenantId: string, code: string) {
  const row = await tx.slaPolicy.findFirst({ where: { tenantId, code } });
  return row ? toPolicy(row) : null;
}

export async function createPolicy(tx: Tx, tenantId: string, data: PolicyData) {
  const row = await tx.slaPolicy.create({
    data: {
      ...data,
      tenantId,
      conditions: json(data.conditions),
      targets: json(data.targets),
      channelRules: json(data.channelRules),
      escalation: json(data.escalation),
    },
  });
  return toPolicy(row);
}

function jsonChanges(data: Partial<PolicyData>) {
  const { conditions, targets, channelRules, escalation, ...rest } = data;
  return {
    ...rest,
    ...(conditions !== undefined ? { conditions: json(conditions) } : {}),
    ...(targets !== undefined ? { targets: json(targets) } : {}),
    ...(channelRules !== undefined ? { channelRules: json(channelRules) } : {}),
    ...(escalation !== undefined ? { escalation: json(escalation) } : {}),
  };
}

/** Optimistic concurrency when a version is given; null when the row moved on. */
export async function updatePolicy(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number | null,
  data: Partial<Omit<PolicyData, "code" | "buId">>,
) {
  const res = await tx.slaPolicy.updateMany({
    where: { id, tenantId, ...(version === null ? {} : { version }) },
    data: { ...jsonChanges(data), version: { increment: 1 } },
  });
  if (res.count === 0) return null;
  return findPolicy(tx, tenantId, id);
}

export async function existingGroupIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.group.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function existingCatalogueItemIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.catalogueItem.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
