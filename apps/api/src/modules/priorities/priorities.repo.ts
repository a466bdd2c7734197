import type { Tx } from "@atende/db";
import type { LocalisedText, PriorityLevel } from "@atende/domain";
import { z } from "zod";

// The priorities table keeps one text description; both languages travel in it as JSON.
const ZStoredDescription = z.object({ en: z.string(), es: z.string() });

function parseDescription(text: string | null): LocalisedText | undefined {
  if (!text) return undefined;
  try {
    const parsed = ZStoredDescription.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function listPriorities(tx: Tx, tenantId: string): Promise<PriorityLevel[]> {
  const rows = await tx.priority.findMany({ where: { tenantId }, orderBy: [{ rank: "asc" }, { code: "asc" }] });
  return rows.map((r) => {
    const description = parseDescription(r.description);
    return { code: r.code, rank: r.rank, ...(description ? { description } : {}) };
  });
}

/** Makes the stored levels exactly the given ones: others are deleted, the rest inserted or updated by code. */
export async function replacePriorities(tx: Tx, tenantId: string, levels: readonly PriorityLevel[]): Promise<void> {
  await tx.priority.deleteMany({ where: { tenantId, code: { notIn: levels.map((l) => l.code) } } });
  for (const level of levels) {
    const data = {
      name: level.code,
      rank: level.rank,
      description: level.description ? JSON.stringify(level.description) : null,
    };
    await tx.priority.upsert({
      where: { tenantId_code: { tenantId, code: level.code } },
      create: { tenantId, code: level.code, ...data },
      update: data,
    });
  }
}

const ZPolicyPriorities = z.object({ priorities: z.array(z.string()).optional() });
const ZRulePriorities = z.array(z.object({ priority: z.string() }));

/** Each SLA policy (by code) with the priority codes its conditions and channel rules name. */
export async function prioritiesUsedByPolicies(tx: Tx, tenantId: string): Promise<Map<string, Set<string>>> {
  const rows = await tx.slaPolicy.findMany({
    where: { tenantId },
    select: { code: true, conditions: true, channelRules: true },
    orderBy: { code: "asc" },
  });
  const used = new Map<string, Set<string>>();
  for (const row of rows) {
    const conditions = ZPolicyPriorities.safeParse(row.conditions);
    const rules = ZRulePriorities.safeParse(row.channelRules);
    used.set(
      row.code,
      new Set([
        ...(conditions.success ? (conditions.data.priorities ?? []) : []),
        ...(rules.success ? rules.data.map((r) => r.priority) : []),
      ]),
    );
  }
  return used;
}
