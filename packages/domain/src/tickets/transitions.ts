import type { TicketActor, TicketAction, TicketStatus } from "./status";

export type TicketNotifyEvent = "ticket.resolved" | "ticket.reopened" | "ticket.closed" | "ticket.status_changed";

/**
 * Effects the service carries out, in order. Clock effects are idempotent: stopping a clock already stopped (a first
 * response already given) changes nothing. "pause-clocks" opens a pause record and "resume-clocks" closes it.
 * "restart-clock resolution" on reopen: the service records the resolved interval [resolvedAt, now] as a closed pause,
 * so the resolution clock resumes from the business time it had accrued when it stopped.
 */
export type TicketEffect =
  | { type: "pause-clocks" }
  | { type: "resume-clocks" }
  | { type: "stop-clock"; clock: "resolution" | "periodic_update" | "first_response" | "follow_up" }
  | { type: "start-clock"; clock: "follow_up" }
  | { type: "restart-clock"; clock: "resolution" }
  | { type: "schedule-auto-close" }
  | { type: "cancel-auto-close" }
  | { type: "send-survey" }
  | { type: "notify"; event: TicketNotifyEvent };

export type TicketGuard =
  "has_pause_reason" | "has_resolution" | "waiting_customer" | "within_reopen_window" | "auto_close_due";

/** "unchanged": the action is recorded (a customer reply) but the status stays. */
export type TicketTransition = {
  from: readonly TicketStatus[];
  action: TicketAction;
  to: TicketStatus | "unchanged";
  actors: readonly TicketActor[];
  guard?: TicketGuard;
  effects: readonly TicketEffect[];
};

const statusChanged: TicketEffect = { type: "notify", event: "ticket.status_changed" };

const RESOLVE_EFFECTS: readonly TicketEffect[] = [
  { type: "stop-clock", clock: "first_response" },
  { type: "stop-clock", clock: "resolution" },
  { type: "stop-clock", clock: "periodic_update" },
  // Started only when the matched policy has a follow-up target; the service decides.
  { type: "start-clock", clock: "follow_up" },
  { type: "schedule-auto-close" },
  { type: "send-survey" },
  { type: "notify", event: "ticket.resolved" },
];

/** Rows are tried in order: the first whose from, actor and guard all pass decides. */
export const TICKET_TRANSITIONS: readonly TicketTransition[] = [
  {
    from: ["new"],
    action: "acknowledge",
    to: "open",
    actors: ["staff"],
    // The initial diagnosis is the first response (seed 003); a public reply given earlier already stopped it.
    effects: [{ type: "stop-clock", clock: "first_response" }, statusChanged],
  },
  {
    from: ["new"],
    action: "start",
    to: "in_progress",
    actors: ["staff"],
    effects: [{ type: "stop-clock", clock: "first_response" }, statusChanged],
  },
  { from: ["open"], action: "start", to: "in_progress", actors: ["staff"], effects: [statusChanged] },
  {
    from: ["open", "in_progress"],
    action: "pend",
    to: "pending",
    actors: ["staff"],
    guard: "has_pause_reason",
    effects: [{ type: "pause-clocks" }, statusChanged],
  },
  {
    from: ["pending"],
    action: "resume",
    to: "in_progress",
    actors: ["staff"],
    effects: [{ type: "resume-clocks" }, statusChanged],
  },
  {
    from: ["pending"],
    action: "customer_reply",
    to: "in_progress",
    actors: ["requester"],
    guard: "waiting_customer",
    effects: [{ type: "resume-clocks" }, statusChanged],
  },
  // Waiting on a third party: the customer's reply does not end the wait.
  { from: ["pending"], action: "customer_reply", to: "unchanged", actors: ["requester"], effects: [] },
  {
    from: ["new", "open", "in_progress", "resolved"],
    action: "customer_reply",
    to: "unchanged",
    actors: ["requester"],
    effects: [],
  },
  {
    from: ["new", "open", "in_progress"],
    action: "resolve",
    to: "resolved",
    actors: ["staff"],
    guard: "has_resolution",
    effects: RESOLVE_EFFECTS,
  },
  {
    from: ["pending"],
    action: "resolve",
    to: "resolved",
    actors: ["staff"],
    guard: "has_resolution",
    effects: [{ type: "resume-clocks" }, ...RESOLVE_EFFECTS],
  },
  {
    from: ["resolved"],
    action: "close",
    to: "closed",
    actors: ["staff", "requester"],
    effects: [{ type: "cancel-auto-close" }, { type: "notify", event: "ticket.closed" }],
  },
  {
    from: ["resolved"],
    action: "reopen",
    to: "open",
    actors: ["staff", "requester"],
    guard: "within_reopen_window",
    effects: [
      { type: "cancel-auto-close" },
      { type: "stop-clock", clock: "follow_up" },
      { type: "restart-clock", clock: "resolution" },
      { type: "notify", event: "ticket.reopened" },
    ],
  },
  {
    from: ["resolved"],
    action: "auto_close",
    to: "closed",
    actors: ["system"],
    guard: "auto_close_due",
    effects: [{ type: "notify", event: "ticket.closed" }],
  },
];
