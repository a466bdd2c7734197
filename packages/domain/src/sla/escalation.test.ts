import { describe, expect, it } from "vitest";
import {
  SEED_004_ESCALATION,
  ZEscalationLevels,
  escalationSchedule,
  nextEscalation,
  type EscalationLevel,
} from "./escalation";

const CREATED = new Date("2026-03-02T10:00:00Z");
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);

describe("escalationSchedule", () => {
  it("gives seed 004's levels at creation, +1 h, +2 h and +4 h", () => {
    expect(escalationSchedule(SEED_004_ESCALATION, { createdAt: CREATED, breachedAt: null })).toEqual([
      { level: 1, dueAt: at("10:00") },
      { level: 2, dueAt: at("11:00") },
      { level: 3, dueAt: at("12:00") },
      { level: 4, dueAt: at("14:00") },
    ]);
  });

  it("orders by level and leaves breach-based levels undated until a breach", () => {
    const levels: EscalationLevel[] = [
      { level: 2, label: "Manager", offsetMinutes: 30, from: "breach", actions: ["notify", "raise_priority"] },
      { level: 1, label: "Team", offsetMinutes: 15, from: "creation", targetGroupId: "L1", actions: ["notify"] },
    ];
    expect(escalationSchedule(levels, { createdAt: CREATED, breachedAt: null })).toEqual([
      { level: 1, dueAt: at("10:15") },
      { level: 2, dueAt: null },
    ]);
    expect(escalationSchedule(levels, { createdAt: CREATED, breachedAt: at("11:00") })[1]).toEqual({
      level: 2,
      dueAt: at("11:30"),
    });
  });
});

describe("nextEscalation", () => {
  const progress = { createdAt: CREATED, breachedAt: null, restored: false };
  const levelsOf = (r: ReturnType<typeof nextEscalation>) => ({
    due: r.due.map((l) => l.level),
    upcoming: r.upcoming?.level.level ?? null,
    at: r.upcoming?.dueAt ?? null,
  });

  it("applies level I at once and schedules the next one", () => {
    expect(levelsOf(nextEscalation(SEED_004_ESCALATION, { ...progress, currentLevel: 0, now: CREATED }))).toEqual({
      due: [1],
      upcoming: 2,
      at: at("11:00"),
    });
  });

  it("returns every overdue level in order after a late run", () => {
    expect(levelsOf(nextEscalation(SEED_004_ESCALATION, { ...progress, currentLevel: 1, now: at("12:30") }))).toEqual({
      due: [2, 3],
      upcoming: 4,
      at: at("14:00"),
    });
    expect(levelsOf(nextEscalation(SEED_004_ESCALATION, { ...progress, currentLevel: 4, now: at("23:00") }))).toEqual({
      due: [],
      upcoming: null,
      at: null,
    });
  });

  it("stops once the service is restored", () => {
    expect(
      nextEscalation(SEED_004_ESCALATION, { ...progress, restored: true, currentLevel: 1, now: at("15:00") }),
    ).toEqual({ due: [], upcoming: null });
  });
});

describe("ZEscalationLevels", () => {
  it("accepts seed 004's matrix and rejects repeated levels or a reassignment without target", () => {
    expect(ZEscalationLevels.safeParse(SEED_004_ESCALATION).success).toBe(true);
    const twice = ZEscalationLevels.safeParse([SEED_004_ESCALATION[0], SEED_004_ESCALATION[0]]);
    expect(twice.error?.issues.map((i) => i.message)).toEqual(["escalation level numbers must be unique"]);
    const untargeted = ZEscalationLevels.safeParse([
      { level: 1, label: "x", offsetMinutes: 0, from: "creation", actions: ["reassign"] },
    ]);
    expect(untargeted.error?.issues.map((i) => i.message)).toEqual([
      "a reassigning escalation level needs a target user or group",
    ]);
  });
});
