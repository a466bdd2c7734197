import { describe, expect, it } from "vitest";
import {
  TICKET_ACTIONS,
  TICKET_STATUSES,
  allowedTicketActions,
  decideTicket,
  reopenDeadline,
  type TicketAction,
  type TicketContext,
  type TicketRefusalCode,
  type TicketState,
  type TicketStatus,
} from "./status";
import { TICKET_TRANSITIONS } from "./transitions";

const T = "TRANSITION_NOT_ALLOWED";
const R = "ROLE_NOT_ALLOWED";
type Outcome = TicketStatus | TicketRefusalCode;
/** Columns: staff, the requesting customer, another customer, the system. */
type Cells = [Outcome, Outcome, Outcome, Outcome];
const NONE: Cells = [T, T, T, T];
const STAFF_ONLY = (to: TicketStatus): Cells => [to, R, R, R];

function row(cells: Partial<Record<TicketStatus, Cells>>): Record<TicketStatus, Cells> {
  return Object.fromEntries(TICKET_STATUSES.map((status) => [status, cells[status] ?? NONE])) as Record<
    TicketStatus,
    Cells
  >;
}

// Guards all satisfiable here: full input, pending waits on the customer, resolved 6 days ago (window 7, auto-close 5).
const EXPECTED: Record<TicketAction, Record<TicketStatus, Cells>> = {
  acknowledge: row({ new: STAFF_ONLY("open") }),
  start: row({ new: STAFF_ONLY("in_progress"), open: STAFF_ONLY("in_progress") }),
  pend: row({ open: STAFF_ONLY("pending"), in_progress: STAFF_ONLY("pending") }),
  resume: row({ pending: STAFF_ONLY("in_progress") }),
  resolve: row({
    new: STAFF_ONLY("resolved"),
    open: STAFF_ONLY("resolved"),
    in_progress: STAFF_ONLY("resolved"),
    pending: STAFF_ONLY("resolved"),
  }),
  close: row({ resolved: ["closed", "closed", R, R] }),
  reopen: row({ resolved: ["open", "open", R, R] }),
  auto_close: row({ resolved: [R, R, R, "closed"] }),
  customer_reply: row({
    new: [R, "new", R, R],
    open: [R, "open", R, R],
    in_progress: [R, "in_progress", R, R],
    pending: [R, "in_progress", R, R],
    resolved: [R, "resolved", R, R],
  }),
};

const NOW = new Date("2026-03-10T12:00:00Z");
const DAY = 86_400_000;
const ACTOR_COLUMNS = [
  { actor: "staff", isRequester: false },
  { actor: "requester", isRequester: true },
  { actor: "requester", isRequester: false },
  { actor: "system", isRequester: false },
] as const;

function stateOf(status: TicketStatus, isRequester: boolean, overrides: Partial<TicketState> = {}): TicketState {
  const resolved = status === "resolved" || status === "closed";
  return {
    status,
    resolvedAt: resolved ? new Date(NOW.getTime() - 6 * DAY) : null,
    pauseReason: status === "pending" ? "waiting_customer" : null,
    isRequester,
    ...overrides,
  };
}

function ctxOf(actor: TicketContext["actor"], overrides: Partial<TicketContext> = {}): TicketContext {
  return {
    actor,
    now: NOW,
    reopenWindowDays: 7,
    autoCloseDays: 5,
    input: { pauseReason: "waiting_third_party", resolution: { kind: "definitive", note: "Restarted the gateway" } },
    ...overrides,
  };
}

function outcome(state: TicketState, action: TicketAction, ctx: TicketContext): Outcome {
  const decision = decideTicket(state, action, ctx);
  return decision.ok ? decision.to : decision.code;
}

describe("ticket transition table", () => {
  it("matches the expectation in every (status, action, actor) cell", () => {
    for (const action of TICKET_ACTIONS) {
      for (const status of TICKET_STATUSES) {
        ACTOR_COLUMNS.forEach(({ actor, isRequester }, column) => {
          const got = outcome(stateOf(status, isRequester), action, ctxOf(actor));
          expect(`${action} ${status} ${actor}/${isRequester} -> ${got}`).toBe(
            `${action} ${status} ${actor}/${isRequester} -> ${EXPECTED[action][status][column]}`,
          );
        });
      }
    }
  });

  it("lists in allowedTicketActions exactly the actions the cells allow", () => {
    for (const status of TICKET_STATUSES) {
      ACTOR_COLUMNS.forEach(({ actor, isRequester }, column) => {
        const expected = TICKET_ACTIONS.filter((a) =>
          TICKET_STATUSES.includes(EXPECTED[a][status][column] as TicketStatus),
        );
        const ctx = ctxOf(actor);
        delete ctx.input;
        expect(allowedTicketActions(stateOf(status, isRequester), ctx)).toEqual(expected);
      });
    }
  });

  it("only names known statuses and actions", () => {
    for (const transition of TICKET_TRANSITIONS) {
      expect(TICKET_ACTIONS).toContain(transition.action);
      for (const from of transition.from) expect(TICKET_STATUSES).toContain(from);
      if (transition.to !== "unchanged") expect(TICKET_STATUSES).toContain(transition.to);
    }
  });
});

describe("ticket guards", () => {
  it("needs a pause reason to pend", () => {
    expect(outcome(stateOf("open", false), "pend", ctxOf("staff", { input: {} }))).toBe("MISSING_PAUSE_REASON");
    expect(outcome(stateOf("open", false), "pend", ctxOf("staff", { input: undefined }))).toBe("MISSING_PAUSE_REASON");
  });

  it("needs a resolution kind and a non-blank note to resolve", () => {
    const missing = [undefined, {}, { resolution: { kind: "definitive" as const, note: "   " } }];
    for (const input of missing) {
      expect(outcome(stateOf("in_progress", false), "resolve", ctxOf("staff", { input }))).toBe("MISSING_RESOLUTION");
    }
  });

  it("reopens only within the window, boundary included, for staff and requester alike", () => {
    const resolvedAt = new Date(NOW.getTime() - 7 * DAY);
    expect(outcome(stateOf("resolved", true, { resolvedAt }), "reopen", ctxOf("requester"))).toBe("open");
    const late = new Date(NOW.getTime() - 7 * DAY - 1);
    expect(outcome(stateOf("resolved", true, { resolvedAt: late }), "reopen", ctxOf("requester"))).toBe(
      "REOPEN_WINDOW_EXPIRED",
    );
    expect(outcome(stateOf("resolved", false, { resolvedAt: late }), "reopen", ctxOf("staff"))).toBe(
      "REOPEN_WINDOW_EXPIRED",
    );
    expect(outcome(stateOf("resolved", false, { resolvedAt: null }), "reopen", ctxOf("staff"))).toBe(
      "REOPEN_WINDOW_EXPIRED",
    );
  });

  it("names as the reopen deadline the last instant the guard lets a reopen through", () => {
    const resolvedAt = new Date(NOW.getTime() - 3 * DAY);
    const deadline = reopenDeadline(resolvedAt, 7);
    expect(deadline.getTime()).toBe(resolvedAt.getTime() + 7 * DAY);
    const reopenAt = (now: Date) =>
      outcome(stateOf("resolved", true, { resolvedAt }), "reopen", ctxOf("staff", { now }));
    expect(reopenAt(deadline)).toBe("open");
    expect(reopenAt(new Date(deadline.getTime() + 1))).toBe("REOPEN_WINDOW_EXPIRED");
  });

  it("auto-closes only once the auto-close period has passed", () => {
    const at = (days: number) => stateOf("resolved", false, { resolvedAt: new Date(NOW.getTime() - days * DAY) });
    expect(outcome(at(5), "auto_close", ctxOf("system"))).toBe("closed");
    expect(outcome(at(4.99), "auto_close", ctxOf("system"))).toBe("NOT_DUE");
    expect(outcome(stateOf("resolved", false, { resolvedAt: null }), "auto_close", ctxOf("system"))).toBe("NOT_DUE");
    expect(allowedTicketActions(at(1), { actor: "system", now: NOW, reopenWindowDays: 7, autoCloseDays: 5 })).toEqual(
      [],
    );
  });

  it("keeps a ticket waiting on a third party pending when the customer replies", () => {
    const waiting = stateOf("pending", true, { pauseReason: "waiting_third_party" });
    expect(decideTicket(waiting, "customer_reply", ctxOf("requester"))).toEqual({
      ok: true,
      to: "pending",
      effects: [],
    });
  });
});

describe("ticket effects", () => {
  const effectsOf = (state: TicketState, action: TicketAction, ctx: TicketContext) => {
    const decision = decideTicket(state, action, ctx);
    return decision.ok
      ? decision.effects.map((e) => ("clock" in e ? `${e.type}:${e.clock}` : "event" in e ? e.event : e.type))
      : [];
  };

  it("stops the first response on the initial diagnosis", () => {
    expect(effectsOf(stateOf("new", false), "acknowledge", ctxOf("staff"))).toEqual([
      "stop-clock:first_response",
      "ticket.status_changed",
    ]);
  });

  it("pauses on pend and resumes on the customer's reply", () => {
    expect(effectsOf(stateOf("in_progress", false), "pend", ctxOf("staff"))).toEqual([
      "pause-clocks",
      "ticket.status_changed",
    ]);
    expect(effectsOf(stateOf("pending", true), "customer_reply", ctxOf("requester"))).toEqual([
      "resume-clocks",
      "ticket.status_changed",
    ]);
  });

  it("on resolve stops the clocks, starts the follow-up, schedules auto-close, surveys and notifies", () => {
    const resolve = [
      "stop-clock:first_response",
      "stop-clock:resolution",
      "stop-clock:periodic_update",
      "start-clock:follow_up",
      "schedule-auto-close",
      "send-survey",
      "ticket.resolved",
    ];
    expect(effectsOf(stateOf("in_progress", false), "resolve", ctxOf("staff"))).toEqual(resolve);
    expect(effectsOf(stateOf("pending", false), "resolve", ctxOf("staff"))).toEqual(["resume-clocks", ...resolve]);
  });

  it("on reopen cancels auto-close, drops the follow-up and resumes the resolution clock", () => {
    expect(effectsOf(stateOf("resolved", true), "reopen", ctxOf("requester"))).toEqual([
      "cancel-auto-close",
      "stop-clock:follow_up",
      "restart-clock:resolution",
      "ticket.reopened",
    ]);
  });
});
