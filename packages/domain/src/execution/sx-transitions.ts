import type { BuParameters } from "../parameters/bu-parameters";
import type { SxEffect } from "./sx-effects";
import type { SxEventName } from "./sx-events";
import { MENU_ACTIONS, type SxAction, type SxActor, type SxStatus, type SxType } from "./sx-status";
import { SX_TRANSITIONS, type SxGuard, type SxTransition } from "./sx-transition-table";

export type SxFacts = {
  status: SxStatus;
  type: SxType;
  providerAllocated: boolean;
  /** Two providers of the same specialty did technical visits in this SX's project. */
  duplicateTechnicalVisits: boolean;
};

export type SxRefusal = { ok: false; status: 403 | 409 | 422; reason: string; message: string };

export type SxDecision =
  | { ok: true; action: SxAction; from: SxStatus; to: SxStatus; event: SxEventName; effects: readonly SxEffect[] }
  | SxRefusal;

type GuardContext = { facts: SxFacts; actor: SxActor; params: BuParameters; row: SxTransition };

const label = (value: string) => value.replaceAll("_", " ");

function refuse(status: SxRefusal["status"], reason: string, message: string): SxRefusal {
  return { ok: false, status, reason, message };
}

function actsInRow(actor: SxActor, row: SxTransition): boolean {
  if (actor.kind !== "user") return row.actors.includes(actor.kind);
  return actor.roles.some((role) => row.actors.includes(role));
}

/** A user who also holds a role other than seller in the row (an operator who sells) is not blocked. */
function onlyAsSeller(actor: SxActor, row: SxTransition): boolean {
  if (actor.kind !== "user") return false;
  return actor.roles.every((role) => role === "seller" || !row.actors.includes(role));
}

function guardRefusal(guard: SxGuard, { facts, actor, params, row }: GuardContext): SxRefusal | null {
  switch (guard) {
    case "skip_contract_allowed":
      return params.skipContractAllowed
        ? null
        : refuse(403, "skip_contract_not_allowed_by_bu", "This business unit does not allow skipping the contract.");
    case "seller_not_blocked_by_duplicate_visits":
      return facts.status === "pre_scheduled" &&
        params.blockSellerOnDuplicateTechnicalVisits &&
        facts.duplicateTechnicalVisits &&
        onlyAsSeller(actor, row)
        ? refuse(
            403,
            "seller_blocked_duplicate_technical_visits",
            "Two providers of the same specialty did technical visits in this project: only an operator can manage " +
              "this job while it is pre-scheduled.",
          )
        : null;
    case "automatic_assignment_enabled":
      return params.assignmentMode === "manual"
        ? refuse(409, "automatic_assignment_disabled", "This business unit assigns providers by hand.")
        : null;
    case "assignment_mode_bid":
      return params.assignmentMode === "bid"
        ? null
        : refuse(409, "assignment_mode_not_bid", "This business unit does not offer jobs to providers by bid.");
    case "provider_allocated":
      return facts.providerAllocated ? null : refuse(409, "no_provider_allocated", "No provider is allocated yet.");
    case "before_in_progress":
      return ["pre_scheduled", "scheduled", "distributed", "confirmed"].includes(facts.status)
        ? null
        : refuse(
            409,
            "in_progress_reached",
            `The job is already ${label(facts.status)}: once a job reaches in progress, cancelling the order leaves it as it is.`,
          );
    case "extra_cost_in_waiting_for_wcf":
      return params.extraCostAllowedInWaitingForWcf
        ? null
        : refuse(
            409,
            "extra_cost_not_allowed_in_waiting_for_wcf",
            "This business unit does not allow extra costs once the job waits for the work closing form.",
          );
    case "service_line_updates_in_progress":
      return params.serviceLineUpdatesAllowedInProgress
        ? null
        : refuse(
            409,
            "service_line_updates_not_allowed_in_progress",
            "This business unit does not allow order updates once the job is in progress.",
          );
  }
}

/**
 * Precedence: the SX type, then the status, then the actor, then the guards of each remaining row in table order
 * (the first row whose guards all pass decides; otherwise the first guard refusal is returned).
 */
export function decideSxAction(action: SxAction, facts: SxFacts, actor: SxActor, params: BuParameters): SxDecision {
  const forType = SX_TRANSITIONS.filter(
    (row) => row.action === action && (!row.types || row.types.includes(facts.type)),
  );
  if (forType.length === 0) {
    return refuse(409, "not_applicable_to_type", `A ${label(facts.type)} job has no ${label(action)} action.`);
  }
  const forStatus = forType.filter((row) => row.from.includes(facts.status));
  if (forStatus.length === 0) {
    return refuse(409, "not_allowed_in_status", `Cannot ${label(action)} a job that is ${label(facts.status)}.`);
  }
  const forActor = forStatus.filter((row) => actsInRow(actor, row));
  if (forActor.length === 0) {
    return refuse(403, "role_not_allowed", `Your role cannot ${label(action)} a job that is ${label(facts.status)}.`);
  }
  let firstRefusal: SxRefusal | null = null;
  for (const row of forActor) {
    const refusal = (row.guards ?? []).reduce<SxRefusal | null>(
      (found, guard) => found ?? guardRefusal(guard, { facts, actor, params, row }),
      null,
    );
    if (refusal === null) {
      const to = row.to === "unchanged" ? facts.status : row.to;
      return { ok: true, action, from: facts.status, to, event: row.event, effects: row.effects };
    }
    firstRefusal ??= refusal;
  }
  // forActor is non-empty, so a refusal was recorded.
  return firstRefusal ?? refuse(409, "not_allowed_in_status", `Cannot ${label(action)} now.`);
}

/** The actions (by default the Service Management menu) this actor may take on the SX now. */
export function allowedSxActions(
  facts: SxFacts,
  actor: SxActor,
  params: BuParameters,
  among: readonly SxAction[] = MENU_ACTIONS,
): SxAction[] {
  return among.filter((action) => decideSxAction(action, facts, actor, params).ok);
}
