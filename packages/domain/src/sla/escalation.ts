import { z } from "zod";

export const ESCALATION_ACTIONS = ["notify", "reassign", "raise_priority"] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** offsetMinutes are real (wall-clock) minutes from ticket creation or from the first breach. */
export type EscalationLevel = {
  level: number;
  label: string;
  offsetMinutes: number;
  from: "creation" | "breach";
  targetUserId?: string | null;
  targetGroupId?: string | null;
  actions: EscalationAction[];
};

export type EscalationTimes = { createdAt: Date; breachedAt: Date | null };

export type ScheduledEscalation = { level: number; dueAt: Date | null };

const MINUTE_MS = 60_000;
const zId = z.string().min(1).max(64);

export const ZEscalationLevel = z
  .strictObject({
    level: z
      .number()
      .int({ error: "escalation level must be a whole number" })
      .min(1, { error: "escalation levels start at 1" })
      .max(20),
    label: z.string().min(1, { error: "escalation level needs a label" }).max(120),
    offsetMinutes: z
      .number()
      .int({ error: "escalation offset must be a whole number of minutes" })
      .min(0, { error: "escalation offset cannot be negative" })
      .max(525_600, { error: "escalation offset is at most one year" }),
    from: z.enum(["creation", "breach"], { error: "escalation offset counts from creation or breach" }),
    targetUserId: zId.nullable().optional(),
    targetGroupId: zId.nullable().optional(),
    actions: z
      .array(z.enum(ESCALATION_ACTIONS, { error: `escalation action must be one of ${ESCALATION_ACTIONS.join(", ")}` }))
      .min(1, { error: "escalation level needs at least one action" })
      .max(ESCALATION_ACTIONS.length)
      .refine((actions) => new Set(actions).size === actions.length, { error: "escalation actions must not repeat" }),
  })
  .refine((level) => !level.actions.includes("reassign") || Boolean(level.targetUserId || level.targetGroupId), {
    error: "a reassigning escalation level needs a target user or group",
    path: ["actions"],
  });

export const ZEscalationLevels = z
  .array(ZEscalationLevel)
  .max(20, { error: "at most 20 escalation levels" })
  .refine((levels) => new Set(levels.map((l) => l.level)).size === levels.length, {
    error: "escalation level numbers must be unique",
  });

/** Seed 004 "Escalamiento técnico – incidencias altas": contacts in order, while the high incident is not restored. */
export const SEED_004_ESCALATION: readonly EscalationLevel[] = [
  {
    level: 1,
    label: "Customer Success Analyst",
    offsetMinutes: 0,
    from: "creation",
    targetGroupId: "L1",
    actions: ["notify"],
  },
  {
    level: 2,
    label: "Customer Success Manager",
    offsetMinutes: 60,
    from: "creation",
    targetGroupId: "L1",
    actions: ["notify"],
  },
  {
    level: 3,
    label: "Service Manager",
    offsetMinutes: 120,
    from: "creation",
    targetGroupId: "L3",
    actions: ["notify", "reassign"],
  },
  { level: 4, label: "CTO", offsetMinutes: 240, from: "creation", targetGroupId: "L3", actions: ["notify"] },
];

function byLevel(levels: readonly EscalationLevel[]): EscalationLevel[] {
  return [...levels].sort((a, b) => a.level - b.level);
}

export function escalationDueAt(level: EscalationLevel, times: EscalationTimes): Date | null {
  const base = level.from === "creation" ? times.createdAt : times.breachedAt;
  return base === null ? null : new Date(base.getTime() + level.offsetMinutes * MINUTE_MS);
}

/** Due instant of every level in level order; a breach-based level has none until the ticket breaches. */
export function escalationSchedule(levels: readonly EscalationLevel[], times: EscalationTimes): ScheduledEscalation[] {
  return byLevel(levels).map((level) => ({ level: level.level, dueAt: escalationDueAt(level, times) }));
}

export type EscalationProgress = EscalationTimes & { currentLevel: number; now: Date; restored: boolean };

export type NextEscalation = {
  /** Levels above the current one already due, in order: a late run applies each of them. */
  due: EscalationLevel[];
  /** The first level above those, to schedule a timer for; dueAt null while it waits for a breach. */
  upcoming: { level: EscalationLevel; dueAt: Date | null } | null;
};

/** Escalation stops once the service is restored; levels are never applied twice (currentLevel only grows). */
export function nextEscalation(levels: readonly EscalationLevel[], progress: EscalationProgress): NextEscalation {
  if (progress.restored) return { due: [], upcoming: null };
  const due: EscalationLevel[] = [];
  for (const level of byLevel(levels).filter((l) => l.level > progress.currentLevel)) {
    const dueAt = escalationDueAt(level, progress);
    if (dueAt === null || dueAt > progress.now) return { due, upcoming: { level, dueAt } };
    due.push(level);
  }
  return { due, upcoming: null };
}
