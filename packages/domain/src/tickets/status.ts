import { TICKET_TRANSITIONS, type TicketEffect, type TicketGuard } from "./transitions";

export const TICKET_STATUSES = ["new", "open", "in_progress", "pending", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_ACTIONS = [
  "acknowledge",
  "start",
  "pend",
  "resume",
  "resolve",
  "close",
  "reopen",
  "auto_close",
  "customer_reply",
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const TICKET_ACTORS = ["staff", "requester", "system"] as const;
export type TicketActor = (typeof TICKET_ACTORS)[number];

export const PAUSE_REASONS = ["waiting_customer", "waiting_third_party"] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const RESOLUTION_KINDS = ["temporary", "definitive"] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/** SLA clocks stop counting while a ticket sits in one of these. */
export const PAUSING_STATUSES: readonly TicketStatus[] = ["pending"];

/** Service restored: the resolution clock has stopped. */
export const RESOLVED_STATUSES: readonly TicketStatus[] = ["resolved", "closed"];

export type TicketState = {
  status: TicketStatus;
  resolvedAt: Date | null;
  pauseReason: string | null;
  /** Whether the acting customer is this ticket's requester; only read when the actor is "requester". */
  isRequester: boolean;
};

export type TicketActionInput = {
  pauseReason?: PauseReason;
  resolution?: { kind: ResolutionKind; note: string };
};

export type TicketContext = {
  actor: TicketActor;
  now: Date;
  reopenWindowDays: number;
  autoCloseDays: number;
  input?: TicketActionInput;
};

export type TicketRefusalCode =
  | "TRANSITION_NOT_ALLOWED"
  | "ROLE_NOT_ALLOWED"
  | "REOPEN_WINDOW_EXPIRED"
  | "MISSING_RESOLUTION"
  | "MISSING_PAUSE_REASON"
  | "NOT_DUE";

export type TicketRefusal = { ok: false; code: TicketRefusalCode; message: string };

export type TicketDecision = { ok: true; to: TicketStatus; effects: readonly TicketEffect[] } | TicketRefusal;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last instant a ticket resolved at `resolvedAt` may still be reopened (the within_reopen_window guard). */
export function reopenDeadline(resolvedAt: Date, reopenWindowDays: number): Date {
  return new Date(resolvedAt.getTime() + reopenWindowDays * DAY_MS);
}

function refuse(code: TicketRefusalCode, message: string): TicketRefusal {
  return { ok: false, code, message };
}

function isPauseReason(value: unknown): value is PauseReason {
  return (PAUSE_REASONS as readonly unknown[]).includes(value);
}

function hasResolution(input: TicketActionInput | undefined): boolean {
  const resolution = input?.resolution;
  return (
    resolution !== undefined &&
    (RESOLUTION_KINDS as readonly string[]).includes(resolution.kind) &&
    resolution.note.trim().length > 0
  );
}

/** Days since resolution in real time; a resolved ticket without a resolution instant is never inside a window. */
function daysSinceResolved(state: TicketState, now: Date): number {
  return state.resolvedAt === null ? Number.POSITIVE_INFINITY : (now.getTime() - state.resolvedAt.getTime()) / DAY_MS;
}

// assumeInput: listing allowed actions must not hide "pend" or "resolve" just because the form is not filled yet.
function guardRefusal(
  guard: TicketGuard,
  state: TicketState,
  ctx: TicketContext,
  assumeInput: boolean,
): TicketRefusal | null {
  switch (guard) {
    case "has_pause_reason":
      return assumeInput || isPauseReason(ctx.input?.pauseReason)
        ? null
        : refuse("MISSING_PAUSE_REASON", `a pending ticket needs a reason: ${PAUSE_REASONS.join(" or ")}`);
    case "has_resolution":
      return assumeInput || hasResolution(ctx.input)
        ? null
        : refuse("MISSING_RESOLUTION", "resolving needs a resolution kind (temporary or definitive) and a note");
    case "waiting_customer":
      return state.pauseReason === "waiting_customer"
        ? null
        : refuse("TRANSITION_NOT_ALLOWED", "the ticket is not waiting on the customer");
    case "within_reopen_window":
      return state.resolvedAt !== null && daysSinceResolved(state, ctx.now) <= ctx.reopenWindowDays
        ? null
        : refuse(
            "REOPEN_WINDOW_EXPIRED",
            `a ticket can be reopened only within ${ctx.reopenWindowDays} days of its resolution`,
          );
    case "auto_close_due":
      return state.resolvedAt !== null && daysSinceResolved(state, ctx.now) >= ctx.autoCloseDays
        ? null
        : refuse("NOT_DUE", `a ticket closes automatically ${ctx.autoCloseDays} days after its resolution`);
  }
}

function decide(state: TicketState, action: TicketAction, ctx: TicketContext, assumeInput: boolean): TicketDecision {
  const rows = TICKET_TRANSITIONS.filter((row) => row.action === action && row.from.includes(state.status));
  if (rows.length === 0) return refuse("TRANSITION_NOT_ALLOWED", `cannot ${action} a ticket that is ${state.status}`);
  const actorRows = rows.filter((row) => row.actors.includes(ctx.actor));
  // A customer other than the requester (a colleague in copy) may read the ticket but not steer it.
  if (actorRows.length === 0 || (ctx.actor === "requester" && !state.isRequester)) {
    return refuse(
      "ROLE_NOT_ALLOWED",
      `${action} is not allowed to ${ctx.actor === "requester" ? "this customer" : ctx.actor}`,
    );
  }
  let firstRefusal: TicketRefusal | null = null;
  for (const row of actorRows) {
    const refusal = row.guard ? guardRefusal(row.guard, state, ctx, assumeInput) : null;
    if (refusal === null) return { ok: true, to: row.to === "unchanged" ? state.status : row.to, effects: row.effects };
    firstRefusal ??= refusal;
  }
  return firstRefusal ?? refuse("TRANSITION_NOT_ALLOWED", `cannot ${action} a ticket that is ${state.status}`);
}

export function decideTicket(state: TicketState, action: TicketAction, ctx: TicketContext): TicketDecision {
  return decide(state, action, ctx, false);
}

/** The actions this actor may take now, input-dependent guards (reason, resolution) taken as satisfiable. */
export function allowedTicketActions(state: TicketState, ctx: Omit<TicketContext, "input">): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => decide(state, action, ctx, true).ok);
}
