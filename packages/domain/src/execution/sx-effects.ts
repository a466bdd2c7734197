import type { SxTag } from "./sx-tags";
import type { SystemTaskKind } from "./system-tasks";

export const SX_TIMERS = [
  "contract-auto-send",
  "contract-reminder",
  "contract-not-signed",
  "offer-timeout",
  "wcf-reminder",
  "wcf-not-signed",
  "auto-close",
] as const;
export type SxTimer = (typeof SX_TIMERS)[number];

export const SX_TIMER_SCOPES = {
  contract: ["contract-auto-send", "contract-reminder", "contract-not-signed"],
  offer: ["offer-timeout"],
  wcf: ["wcf-reminder", "wcf-not-signed"],
  all: SX_TIMERS,
} as const satisfies Record<string, readonly SxTimer[]>;
export type SxTimerScope = keyof typeof SX_TIMER_SCOPES;

export const SX_WEBHOOK_EVENTS = ["job.status_changed", "job.updated", "job.cancelled"] as const;
export type SxWebhookEvent = (typeof SX_WEBHOOK_EVENTS)[number];

/**
 * What the service carries out after a transition, in order.
 * - schedule-timer replaces a pending timer of the same kind, except contract-not-signed: it counts from the first
 *   send (DOMAIN 3.4), so an already pending one is kept.
 * - cancel-contract voids the current unsigned contract version (history event CONTRACT_VERSION_CANCELLED); the send
 *   effects of the same row then issue the new version.
 * - close-task closes open system tasks of that kind linked to the SX ("all": every open one).
 * - request-assignment: a provider must be (re)found; the assignment service runs auto_assign, proposing the current
 *   provider first, or opens NEED_TO_ASSIGN_PROVIDER where assignment is by hand (rework, BU mode manual).
 * - create-rework: a new rework SX is created in the same project, starting in scheduled with the tag REWORK.
 */
export type SxEffect =
  | { type: "add-tag"; tag: SxTag }
  | { type: "remove-tag"; tag: SxTag }
  | { type: "open-task"; task: SystemTaskKind }
  | { type: "close-task"; task: SystemTaskKind | "all" }
  | { type: "notify"; audience: "customer" | "provider" }
  | { type: "schedule-timer"; timer: SxTimer }
  | { type: "cancel-timer"; timer: SxTimer }
  | { type: "cancel-timers"; scope: SxTimerScope }
  | { type: "webhook"; event: SxWebhookEvent }
  | { type: "cancel-contract" }
  | { type: "request-assignment" }
  | { type: "create-rework" };
