import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PAUSE_REASONS,
  TICKET_ACTIONS,
  TICKET_ACTORS,
  TICKET_STATUSES,
  allowedTicketActions,
  decideTicket,
  type TicketContext,
  type TicketState,
  type TicketStatus,
} from "./status";
import { TICKET_TRANSITIONS } from "./transitions";

const step = fc.record({
  action: fc.constantFrom(...TICKET_ACTIONS),
  actor: fc.constantFrom(...TICKET_ACTORS),
  isRequester: fc.boolean(),
  hoursLater: fc.integer({ min: 0, max: 24 * 10 }),
  withInput: fc.boolean(),
  pauseReason: fc.constantFrom(...PAUSE_REASONS),
});

function inTable(from: TicketStatus, action: string, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS.some(
    (t) => t.action === action && t.from.includes(from) && (t.to === to || (t.to === "unchanged" && to === from)),
  );
}

function apply(state: TicketState, to: TicketStatus, now: Date, pauseReason: string): TicketState {
  return {
    ...state,
    status: to,
    resolvedAt:
      to === "resolved" && state.status !== "resolved"
        ? now
        : to === "open" || to === "in_progress"
          ? null
          : state.resolvedAt,
    pauseReason: to === "pending" ? (state.status === "pending" ? state.pauseReason : pauseReason) : null,
  };
}

describe("ticket status machine (properties)", () => {
  it("random action sequences stay inside the table, and closed is terminal", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state: TicketState = { status: "new", resolvedAt: null, pauseReason: null, isRequester: true };
        let now = new Date("2026-01-05T08:00:00Z");
        for (const s of steps) {
          now = new Date(now.getTime() + s.hoursLater * 3_600_000);
          state = { ...state, isRequester: s.isRequester };
          const input = s.withInput
            ? { pauseReason: s.pauseReason, resolution: { kind: "temporary" as const, note: "workaround" } }
            : {};
          const ctx: TicketContext = { actor: s.actor, now, reopenWindowDays: 3, autoCloseDays: 2, input };
          const decision = decideTicket(state, s.action, ctx);
          const allowed = allowedTicketActions(state, ctx).includes(s.action);
          if (state.status === "closed") expect(decision.ok).toBe(false);
          if (s.withInput) expect(allowed).toBe(decision.ok);
          if (decision.ok) {
            expect(allowed).toBe(true);
            expect(TICKET_STATUSES).toContain(decision.to);
            expect(inTable(state.status, s.action, decision.to)).toBe(true);
            state = apply(state, decision.to, now, s.pauseReason);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("no action by any actor leaves closed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TICKET_ACTIONS),
        fc.constantFrom(...TICKET_ACTORS),
        fc.boolean(),
        (action, actor, isRequester) => {
          const closed: TicketState = { status: "closed", resolvedAt: new Date(0), pauseReason: null, isRequester };
          const ctx: TicketContext = { actor, now: new Date(1_000), reopenWindowDays: 365, autoCloseDays: 0 };
          expect(decideTicket(closed, action, ctx).ok).toBe(false);
        },
      ),
    );
  });
});
