import { describe, expect, it } from "vitest";
import type { Calendar } from "../calendar/calendar";
import { computeClock, nextPeriodicUpdateDue, planClocks, type ClockPlanInput } from "./clocks";

const OFFICE: Calendar = {
  timezone: "UTC",
  hours: {
    mon: [["09:00", "18:00"]],
    tue: [["09:00", "18:00"]],
    wed: [["09:00", "18:00"]],
    thu: [["09:00", "18:00"]],
    fri: [["09:00", "18:00"]],
    sat: [],
    sun: [],
  },
  holidays: [],
};

const at = (iso: string) => new Date(`2026-03-${iso}Z`);
const MON_10 = at("02T10:00:00");

describe("computeClock", () => {
  const base = { calendar: "24x7" as const, startedAt: MON_10, target: { minutes: 100 }, warningPercent: 75 };

  it("warns at 75 % and breaches at 100 %", () => {
    const running = computeClock({ ...base, now: at("02T11:00:00") });
    expect(running).toEqual({
      dueAt: at("02T11:40:00"),
      warnAt: at("02T11:15:00"),
      elapsedMinutes: 60,
      remainingMinutes: 40,
      state: "running",
    });
    expect(computeClock({ ...base, now: at("02T11:14:59") }).state).toBe("running");
    expect(computeClock({ ...base, now: at("02T11:15:00") }).state).toBe("warning");
    expect(computeClock({ ...base, now: at("02T11:40:00") }).state).toBe("breached");
    expect(computeClock({ ...base, now: at("02T12:00:00") }).remainingMinutes).toBe(-20);
  });

  it("counts only business minutes on a business calendar", () => {
    const clock = computeClock({
      ...base,
      calendar: OFFICE,
      startedAt: at("02T17:00:00"),
      target: { minutes: 120 },
      now: at("03T09:00:00"),
    });
    expect(clock.dueAt).toEqual(at("03T10:00:00"));
    expect(clock.warnAt).toEqual(at("03T09:30:00"));
    expect(clock.elapsedMinutes).toBe(60);
    expect(clock.state).toBe("running");
  });

  it("is pushed back by pauses, an open pause counting up to now", () => {
    const pauses = [{ from: at("02T10:30:00"), to: at("02T11:00:00") }];
    expect(computeClock({ ...base, pauses, now: at("02T11:00:00") })).toMatchObject({
      dueAt: at("02T12:10:00"),
      warnAt: at("02T11:45:00"),
      elapsedMinutes: 30,
    });
    const open = computeClock({ ...base, pauses: [{ from: at("02T10:30:00"), to: null }], now: at("02T11:00:00") });
    expect(open.dueAt).toEqual(at("02T12:10:00"));
  });

  it("warns at 75 % of the business minutes a business-days target spans", () => {
    const clock = computeClock({ ...base, calendar: OFFICE, target: { businessDays: 2 }, now: MON_10 });
    // Mon 10:00 -> Wed 18:00 is 8 h + 9 h + 9 h = 1560 business minutes; 75 % of them ends Wed 11:30.
    expect(clock.dueAt).toEqual(at("04T18:00:00"));
    expect(clock.warnAt).toEqual(at("04T11:30:00"));
    expect(clock.remainingMinutes).toBe(1560);
    const paused = computeClock({
      ...base,
      calendar: OFFICE,
      target: { businessDays: 2 },
      pauses: [{ from: at("03T09:00:00"), to: at("03T18:00:00") }],
      now: at("04T12:00:00"),
    });
    expect(paused.dueAt).toEqual(at("05T18:00:00"));
    expect(paused.warnAt).toEqual(at("05T11:30:00"));
  });
});

describe("nextPeriodicUpdateDue", () => {
  it("is one target after the last public update", () => {
    expect(nextPeriodicUpdateDue("24x7", MON_10, { minutes: 180 })).toEqual(at("02T13:00:00"));
    expect(nextPeriodicUpdateDue(OFFICE, at("02T17:00:00"), { minutes: 180 })).toEqual(at("03T11:00:00"));
  });
});

describe("planClocks", () => {
  const high: ClockPlanInput["policy"] = {
    targets: {
      firstResponse: { minutes: 10 },
      resolution: { minutes: 240 },
      periodicUpdate: { minutes: 180 },
      followUp: { minutes: 1440 },
    },
    warningPercent: 75,
  };
  const base: ClockPlanInput = {
    policy: high,
    calendar: "24x7",
    createdAt: MON_10,
    firstResponseAt: null,
    resolvedAt: null,
    lastPublicUpdateAt: null,
    pauses: [],
    status: "new",
    now: at("02T10:05:00"),
  };
  const byKind = (input: ClockPlanInput) => Object.fromEntries(planClocks(input).map((c) => [c.kind, c]));

  it("plans one clock per target of the policy", () => {
    const clocks = byKind(base);
    expect(clocks.first_response).toEqual({
      kind: "first_response",
      status: "running",
      startedAt: MON_10,
      dueAt: at("02T10:10:00"),
      warnAt: at("02T10:07:30"),
    });
    expect(clocks.periodic_update).toMatchObject({ status: "running", dueAt: at("02T13:00:00") });
    expect(clocks.follow_up).toEqual({
      kind: "follow_up",
      status: "not_started",
      startedAt: null,
      dueAt: null,
      warnAt: null,
    });
    expect(
      planClocks({ ...base, policy: { targets: { firstResponse: { minutes: 10 } }, warningPercent: 75 } }),
    ).toHaveLength(1);
  });

  it("marks a stopped clock met or breached against its due instant", () => {
    expect(byKind({ ...base, firstResponseAt: at("02T10:10:00"), status: "open" }).first_response?.status).toBe("met");
    expect(byKind({ ...base, firstResponseAt: at("02T10:12:00"), status: "open" }).first_response?.status).toBe(
      "breached",
    );
    expect(byKind({ ...base, now: at("02T10:10:00") }).first_response?.status).toBe("breached");
  });

  it("restarts periodic updates from the last public update", () => {
    const clocks = byKind({
      ...base,
      lastPublicUpdateAt: at("02T12:00:00"),
      status: "in_progress",
      now: at("02T12:30:00"),
    });
    expect(clocks.periodic_update).toMatchObject({
      status: "running",
      startedAt: at("02T12:00:00"),
      dueAt: at("02T15:00:00"),
    });
  });

  it("pauses running clocks without a due instant, but a breach before the pause stays", () => {
    const pending = {
      ...base,
      status: "pending" as const,
      pauses: [{ from: at("02T10:20:00"), to: null }],
      now: at("02T11:00:00"),
    };
    const clocks = byKind({ ...pending, firstResponseAt: at("02T10:08:00") });
    expect(clocks.first_response?.status).toBe("met");
    expect(clocks.resolution).toEqual({
      kind: "resolution",
      status: "paused",
      startedAt: MON_10,
      dueAt: null,
      warnAt: null,
    });
    expect(byKind(pending).first_response).toMatchObject({ status: "breached", dueAt: at("02T10:10:00") });
  });

  it("keeps the accrued pause after resuming", () => {
    const resumed = { ...base, status: "in_progress" as const, firstResponseAt: at("02T10:08:00") };
    const clocks = byKind({
      ...resumed,
      pauses: [{ from: at("02T10:20:00"), to: at("02T11:20:00") }],
      now: at("02T11:30:00"),
    });
    expect(clocks.resolution).toMatchObject({ status: "running", dueAt: at("02T15:00:00") });
  });

  it("stops on resolution and runs the follow-up report until it is sent", () => {
    const resolved = {
      ...base,
      status: "resolved" as const,
      firstResponseAt: at("02T10:05:00"),
      resolvedAt: at("02T13:00:00"),
      now: at("02T14:00:00"),
    };
    const clocks = byKind(resolved);
    expect(clocks.resolution).toEqual({
      kind: "resolution",
      status: "met",
      startedAt: MON_10,
      dueAt: at("02T14:00:00"),
      warnAt: at("02T13:00:00"),
    });
    expect(clocks.periodic_update).toMatchObject({ status: "stopped", dueAt: null });
    expect(clocks.follow_up).toMatchObject({
      status: "running",
      startedAt: at("02T13:00:00"),
      dueAt: at("03T13:00:00"),
    });
    expect(byKind({ ...resolved, followUpSentAt: at("03T09:00:00") }).follow_up?.status).toBe("met");
    expect(byKind({ ...resolved, status: "closed", now: at("03T13:00:00") }).follow_up?.status).toBe("breached");
  });

  it("resumes a reopened ticket's resolution clock from where it stopped", () => {
    // Resolved at 11:00 after 60 of 240 minutes; reopened at 15:00: the resolved interval arrives as a pause.
    const reopened = byKind({
      ...base,
      status: "open",
      firstResponseAt: at("02T10:05:00"),
      pauses: [{ from: at("02T11:00:00"), to: at("02T15:00:00") }],
      now: at("02T15:30:00"),
    });
    expect(reopened.resolution).toMatchObject({ status: "running", dueAt: at("02T18:00:00") });
    expect(reopened.follow_up?.status).toBe("not_started");
  });

  it("starts the resolution clock at the first response when the policy says so (seed 003)", () => {
    const policy = {
      targets: { firstResponse: { minutes: 120 }, resolution: { minutes: 240 } },
      warningPercent: 75,
      resolutionStartsAt: "first_response" as const,
    };
    expect(byKind({ ...base, policy, calendar: OFFICE }).resolution?.status).toBe("not_started");
    const diagnosed = byKind({
      ...base,
      policy,
      calendar: OFFICE,
      firstResponseAt: at("02T11:00:00"),
      status: "open",
      now: at("02T12:00:00"),
    });
    expect(diagnosed.resolution).toMatchObject({
      status: "running",
      startedAt: at("02T11:00:00"),
      dueAt: at("02T15:00:00"),
    });
  });
});
