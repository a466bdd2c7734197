import type { Role } from "../tenancy/roles";
import type { SxEffect } from "./sx-effects";
import type { SxEventName } from "./sx-events";
import {
  CONTRACT_SX_TYPES,
  SX_STATUSES,
  SX_TYPES,
  WCF_SX_TYPES,
  type SxAction,
  type SxStatus,
  type SxType,
} from "./sx-status";

export type SxActorKey = Role | "integration" | "system";

export const SX_GUARDS = [
  "skip_contract_allowed",
  "seller_not_blocked_by_duplicate_visits",
  "automatic_assignment_enabled",
  "assignment_mode_bid",
  "provider_allocated",
  "before_in_progress",
  "extra_cost_in_waiting_for_wcf",
  "service_line_updates_in_progress",
] as const;
export type SxGuard = (typeof SX_GUARDS)[number];

/** "unchanged": the action is recorded in the history but the status stays. */
export type SxTransition = {
  action: SxAction;
  from: readonly SxStatus[];
  to: SxStatus | "unchanged";
  actors: readonly SxActorKey[];
  /** Absent: every SX type. */
  types?: readonly SxType[];
  guards?: readonly SxGuard[];
  event: SxEventName;
  effects: readonly SxEffect[];
};

const SELLER = ["seller"] as const;
const OPS = ["operator", "execution_admin"] as const;
const PROVIDER = ["provider_manager", "provider_worker"] as const;
// The public signed link runs as the system, so it signs on the customer's behalf.
const CUSTOMER = ["customer", "system"] as const;

const UNTIL_IN_PROGRESS: readonly SxStatus[] = [
  "pre_scheduled",
  "scheduled",
  "distributed",
  "confirmed",
  "in_progress",
];
/** Seed 002: "a new version of the contract may be generated until In progress status (PRO's check-in)". */
const CONTRACT_REGENERABLE: readonly SxStatus[] = ["pre_scheduled", "scheduled", "distributed", "confirmed"];
const AFTER_SIGNATURE_UNTIL_IN_PROGRESS: readonly SxStatus[] = ["scheduled", "distributed", "confirmed", "in_progress"];
const SIGNED_UNTIL_CLOSED: readonly SxStatus[] = [
  "scheduled",
  "distributed",
  "confirmed",
  "in_progress",
  "waiting_for_wcf",
  "done",
  "closed",
];
const SELLER_MANAGES: readonly SxStatus[] = ["pre_scheduled", "scheduled"];
const PROVIDER_SEES: readonly SxStatus[] = [
  "distributed",
  "confirmed",
  "in_progress",
  "waiting_for_wcf",
  "done",
  "closed",
  "non_compliant",
];
const NOT_CANCELLED = SX_STATUSES.filter((status) => status !== "cancelled");
const ORDER_TYPES: readonly SxType[] = CONTRACT_SX_TYPES; // a rework SX is not linked to the order system
const REPORT_TYPES: readonly SxType[] = ["technical_visit", "budget"];

const moved: SxEffect = { type: "webhook", event: "job.status_changed" };
const updated: SxEffect = { type: "webhook", event: "job.updated" };
const notifyCustomer: SxEffect = { type: "notify", audience: "customer" };
const notifyProvider: SxEffect = { type: "notify", audience: "provider" };
const waitingSignature = "ACCEPTANCE_SALES_CONDITIONS";

const CONTRACT_ISSUED: Record<"send_contract" | "show_contract_qr" | "print_contract", readonly SxEffect[]> = {
  send_contract: [
    { type: "cancel-contract" },
    { type: "cancel-timer", timer: "contract-auto-send" },
    { type: "add-tag", tag: waitingSignature },
    notifyCustomer,
    { type: "schedule-timer", timer: "contract-reminder" },
    { type: "schedule-timer", timer: "contract-not-signed" },
  ],
  show_contract_qr: [
    { type: "cancel-contract" },
    { type: "cancel-timer", timer: "contract-auto-send" },
    { type: "add-tag", tag: waitingSignature },
    { type: "schedule-timer", timer: "contract-reminder" },
    { type: "schedule-timer", timer: "contract-not-signed" },
  ],
  // Paper: no e-mail reminders, but the operator still has to confirm the signature in time.
  print_contract: [
    { type: "cancel-contract" },
    { type: "cancel-timer", timer: "contract-auto-send" },
    { type: "add-tag", tag: waitingSignature },
    { type: "schedule-timer", timer: "contract-not-signed" },
  ],
};

const SIGNED: readonly SxEffect[] = [
  { type: "remove-tag", tag: waitingSignature },
  { type: "cancel-timers", scope: "contract" },
  { type: "close-task", task: "CONTRACT_NOT_SIGNED" },
  notifyCustomer,
  { type: "request-assignment" },
  moved,
];

const SKIPPED: readonly SxEffect[] = [
  { type: "remove-tag", tag: waitingSignature },
  { type: "cancel-contract" },
  { type: "cancel-timers", scope: "contract" },
  { type: "close-task", task: "CONTRACT_NOT_SIGNED" },
  { type: "request-assignment" },
  moved,
];

// "Each update requires a new contract version while the contract is unsigned" (DOMAIN 3.3).
const UNSIGNED_VERSION_STALE: readonly SxEffect[] = [
  { type: "cancel-contract" },
  { type: "schedule-timer", timer: "contract-auto-send" },
];

const CANCELLED: readonly SxEffect[] = [
  { type: "remove-tag", tag: waitingSignature },
  { type: "cancel-contract" },
  { type: "cancel-timers", scope: "all" },
  { type: "close-task", task: "all" },
  notifyCustomer,
  notifyProvider,
  { type: "webhook", event: "job.cancelled" },
];

const WCF_ENDED: readonly SxEffect[] = [
  { type: "cancel-timers", scope: "wcf" },
  { type: "close-task", task: "WCF_NOT_SIGNED" },
  { type: "schedule-timer", timer: "auto-close" },
  moved,
];

/**
 * Operators and admins get `row.from`; sellers the part of it they manage, behind the duplicate-visits guard where
 * that includes pre_scheduled (seed 002: a blocked seller has no Service Management button while pre-scheduled).
 */
function staff(row: Omit<SxTransition, "actors">, sellerFrom: readonly SxStatus[]): SxTransition[] {
  const rows: SxTransition[] = [{ ...row, actors: OPS }];
  const from = row.from.filter((status) => sellerFrom.includes(status));
  if (from.length === 0) return rows;
  const guards: SxGuard[] = [...(row.guards ?? [])];
  if (from.includes("pre_scheduled")) guards.push("seller_not_blocked_by_duplicate_visits");
  rows.push({ ...row, from, actors: SELLER, ...(guards.length > 0 ? { guards } : {}) });
  return rows;
}

function contractIssue(action: "send_contract" | "show_contract_qr" | "print_contract", event: SxEventName) {
  return [
    ...staff(
      {
        action,
        from: ["pre_scheduled"],
        to: "unchanged",
        types: CONTRACT_SX_TYPES,
        event,
        effects: CONTRACT_ISSUED[action],
      },
      CONTRACT_REGENERABLE,
    ),
    ...staff(
      {
        action,
        from: CONTRACT_REGENERABLE.filter((status) => status !== "pre_scheduled"),
        to: "unchanged",
        types: CONTRACT_SX_TYPES,
        event,
        effects: [{ type: "cancel-contract" }, ...(action === "send_contract" ? [notifyCustomer] : [])],
      },
      CONTRACT_REGENERABLE,
    ),
  ];
}

type ChangeRows = {
  action: "reschedule" | "change_address";
  event: SxEventName;
  types: readonly SxType[];
  /** Effects of every row (tasks the change resolves). */
  always: readonly SxEffect[];
  allocated: { to: SxStatus | "unchanged"; effects: readonly SxEffect[] };
  /** Absent: the types cannot be pre_scheduled (rework). */
  preScheduled?: readonly SxEffect[];
  unallocated: readonly SxEffect[];
};

/** Rescheduling or moving the worksite once a provider is allocated concerns that provider (DOMAIN 3.3). */
function changeRows(change: ChangeRows): SxTransition[] {
  const { action, event, types, always } = change;
  const later = UNTIL_IN_PROGRESS.filter((status) => status !== "pre_scheduled");
  const allocated = { to: change.allocated.to, effects: [...always, ...change.allocated.effects] };
  const rows = staff(
    { action, from: later, types, guards: ["provider_allocated"], event, ...allocated },
    SELLER_MANAGES,
  );
  if (change.preScheduled) {
    const effects = [...always, ...change.preScheduled];
    rows.push(...staff({ action, from: ["pre_scheduled"], to: "unchanged", types, event, effects }, SELLER_MANAGES));
  }
  const effects = [...always, ...change.unallocated];
  rows.push(...staff({ action, from: later, to: "unchanged", types, event, effects }, SELLER_MANAGES));
  return rows;
}

const RESCHEDULE_REQUESTS: readonly SxEffect[] = [
  { type: "close-task", task: "RESCHEDULE_REQUEST" },
  { type: "close-task", task: "CUSTOMER_RESCHEDULE_REQUEST" },
];
const contractDue: SxEffect = { type: "schedule-timer", timer: "contract-auto-send" };
const reassess: readonly SxEffect[] = [notifyProvider, { type: "request-assignment" }];

/** Rows are tried in order: the first whose type, status, actor and guards all pass decides. */
export const SX_TRANSITIONS: readonly SxTransition[] = [
  // Contract (DOMAIN 3.4): every send issues a new version and voids the previous one.
  ...contractIssue("send_contract", "CONTRACT_SENT_EMAIL"),
  ...contractIssue("show_contract_qr", "CONTRACT_SHOWN_QR"),
  ...contractIssue("print_contract", "CONTRACT_PRINTED"),
  {
    action: "send_contract",
    from: ["pre_scheduled"],
    to: "unchanged",
    actors: ["system"],
    types: CONTRACT_SX_TYPES,
    event: "CONTRACT_AUTO_SENT",
    effects: CONTRACT_ISSUED.send_contract,
  },
  {
    action: "send_contract",
    from: CONTRACT_REGENERABLE.filter((status) => status !== "pre_scheduled"),
    to: "unchanged",
    actors: ["system"],
    types: CONTRACT_SX_TYPES,
    event: "CONTRACT_AUTO_SENT",
    effects: [{ type: "cancel-contract" }, notifyCustomer],
  },
  ...staff(
    {
      action: "confirm_paper_signature",
      from: ["pre_scheduled"],
      to: "scheduled",
      types: CONTRACT_SX_TYPES,
      event: "CONTRACT_SIGNATURE_IN_PAPER",
      effects: SIGNED,
    },
    SELLER_MANAGES,
  ),
  ...staff(
    {
      action: "upload_signed_contract",
      from: SIGNED_UNTIL_CLOSED,
      to: "unchanged",
      types: CONTRACT_SX_TYPES,
      event: "CONTRACT_MANUALLY_UPLOADED",
      effects: [],
    },
    SIGNED_UNTIL_CLOSED,
  ),
  // DOMAIN 3.2: the quotation flows have no contract-less shortcut, so only installations may skip.
  {
    action: "skip_contract",
    from: ["pre_scheduled"],
    to: "scheduled",
    actors: ["execution_admin"],
    types: ["installation"],
    guards: ["skip_contract_allowed"],
    event: "SKIP_CONTRACT",
    effects: SKIPPED,
  },
  {
    action: "sign_contract",
    from: ["pre_scheduled"],
    to: "scheduled",
    actors: CUSTOMER,
    types: CONTRACT_SX_TYPES,
    event: "CONTRACT_SIGNED",
    effects: SIGNED,
  },
  // A version regenerated after the first signature (reschedule, order update) is still signed, without moving the SX.
  {
    action: "sign_contract",
    from: AFTER_SIGNATURE_UNTIL_IN_PROGRESS,
    to: "unchanged",
    actors: CUSTOMER,
    types: CONTRACT_SX_TYPES,
    event: "CONTRACT_SIGNED",
    effects: [
      { type: "cancel-timers", scope: "contract" },
      { type: "close-task", task: "CONTRACT_NOT_SIGNED" },
      notifyCustomer,
    ],
  },

  // Changes (DOMAIN 3.3). Sellers manage a job until a provider is sought; operators until check-in.
  ...changeRows({
    action: "reschedule",
    event: "RESCHEDULED",
    types: CONTRACT_SX_TYPES,
    always: RESCHEDULE_REQUESTS,
    allocated: { to: "scheduled", effects: [...reassess, contractDue, moved] },
    preScheduled: [...UNSIGNED_VERSION_STALE, updated],
    unallocated: [contractDue, updated],
  }),
  ...changeRows({
    action: "reschedule",
    event: "RESCHEDULED",
    types: ["rework"],
    always: RESCHEDULE_REQUESTS,
    allocated: { to: "scheduled", effects: [...reassess, moved] },
    unallocated: [updated],
  }),
  // A postcode change may take the job out of the provider's zones: the service then opens ZONE_CHANGE.
  ...changeRows({
    action: "change_address",
    event: "ADDRESS_CHANGED",
    types: SX_TYPES,
    always: [{ type: "close-task", task: "CUSTOMER_ADDRESS_CHANGE_REQUEST" }],
    allocated: { to: "unchanged", effects: [notifyProvider, updated] },
    preScheduled: [updated],
    unallocated: [updated],
  }),
  ...staff(
    {
      action: "change_contact",
      from: UNTIL_IN_PROGRESS,
      to: "unchanged",
      event: "CONTACT_CHANGED",
      effects: [updated],
    },
    SELLER_MANAGES,
  ),
  ...staff(
    {
      action: "modify_duration",
      from: UNTIL_IN_PROGRESS,
      to: "unchanged",
      event: "DURATION_MODIFIED",
      effects: [updated],
    },
    CONTRACT_REGENERABLE,
  ),
  {
    action: "cancel",
    from: UNTIL_IN_PROGRESS,
    to: "cancelled",
    actors: ["execution_admin"],
    event: "CANCELLED",
    effects: CANCELLED,
  },
  // The history keeps growing after the end: notes and documents stay possible in every status.
  ...staff({ action: "add_note", from: SX_STATUSES, to: "unchanged", event: "NOTE_ADDED", effects: [] }, SX_STATUSES),
  { action: "add_note", from: PROVIDER_SEES, to: "unchanged", actors: PROVIDER, event: "NOTE_ADDED", effects: [] },
  ...staff(
    { action: "upload_document", from: SX_STATUSES, to: "unchanged", event: "DOCUMENT_UPLOADED", effects: [] },
    SX_STATUSES,
  ),
  {
    action: "upload_document",
    from: PROVIDER_SEES,
    to: "unchanged",
    actors: PROVIDER,
    event: "DOCUMENT_UPLOADED",
    effects: [],
  },

  // Provider assignment (DOMAIN 3.6). A manual assignment books the chosen provider at once, or offers them the job
  // in bid mode; the seed's "back to Scheduled to get Pro acceptance" is the bid offer's distributed step.
  {
    action: "auto_assign",
    from: ["scheduled"],
    to: "distributed",
    actors: ["system"],
    types: CONTRACT_SX_TYPES,
    guards: ["automatic_assignment_enabled", "assignment_mode_bid"],
    event: "OFFER_SENT",
    effects: [{ type: "schedule-timer", timer: "offer-timeout" }, notifyProvider, moved],
  },
  {
    action: "auto_assign",
    from: ["scheduled"],
    to: "confirmed",
    actors: ["system"],
    types: CONTRACT_SX_TYPES,
    guards: ["automatic_assignment_enabled"],
    event: "AUTO_ASSIGNED",
    effects: [{ type: "close-task", task: "NEED_TO_ASSIGN_PROVIDER" }, notifyProvider, notifyCustomer, moved],
  },
  {
    action: "assign_provider",
    from: AFTER_SIGNATURE_UNTIL_IN_PROGRESS,
    to: "distributed",
    actors: OPS,
    guards: ["assignment_mode_bid"],
    event: "PROVIDER_ASSIGNED",
    effects: [
      { type: "close-task", task: "NEED_TO_ASSIGN_PROVIDER" },
      { type: "close-task", task: "ZONE_CHANGE" },
      { type: "close-task", task: "NO_SHOW" },
      { type: "cancel-timers", scope: "offer" },
      { type: "schedule-timer", timer: "offer-timeout" },
      notifyProvider,
      notifyCustomer,
      moved,
    ],
  },
  {
    action: "assign_provider",
    from: AFTER_SIGNATURE_UNTIL_IN_PROGRESS,
    to: "confirmed",
    actors: OPS,
    event: "PROVIDER_ASSIGNED",
    effects: [
      { type: "close-task", task: "NEED_TO_ASSIGN_PROVIDER" },
      { type: "close-task", task: "ZONE_CHANGE" },
      { type: "close-task", task: "NO_SHOW" },
      { type: "cancel-timers", scope: "offer" },
      notifyProvider,
      notifyCustomer,
      moved,
    ],
  },
  {
    action: "accept_offer",
    from: ["distributed"],
    to: "confirmed",
    actors: ["provider_manager"],
    event: "OFFER_ACCEPTED",
    effects: [
      { type: "cancel-timers", scope: "offer" },
      { type: "close-task", task: "NEED_TO_ASSIGN_PROVIDER" },
      notifyCustomer,
      moved,
    ],
  },
  {
    action: "refuse_offer",
    from: ["distributed"],
    to: "scheduled",
    actors: ["provider_manager"],
    event: "OFFER_REFUSED",
    effects: [{ type: "cancel-timers", scope: "offer" }, { type: "request-assignment" }, moved],
  },
  {
    action: "offer_timeout",
    from: ["distributed"],
    to: "scheduled",
    actors: ["system"],
    event: "OFFER_TIMED_OUT",
    effects: [{ type: "request-assignment" }, moved],
  },
  {
    action: "assign_worker",
    from: ["confirmed"],
    to: "unchanged",
    actors: ["provider_manager"],
    event: "WORKER_ASSIGNED",
    effects: [],
  },

  // On site (DOMAIN 3.6-3.8).
  {
    action: "check_in",
    from: ["confirmed"],
    to: "in_progress",
    actors: PROVIDER,
    event: "CHECKED_IN",
    effects: [{ type: "cancel-timers", scope: "contract" }, { type: "close-task", task: "NO_SHOW" }, moved],
  },
  {
    action: "check_out",
    from: ["in_progress"],
    to: "waiting_for_wcf",
    actors: PROVIDER,
    types: WCF_SX_TYPES,
    event: "CHECKED_OUT",
    effects: [
      notifyCustomer,
      { type: "schedule-timer", timer: "wcf-reminder" },
      { type: "schedule-timer", timer: "wcf-not-signed" },
      moved,
    ],
  },
  {
    action: "upload_report",
    from: ["in_progress"],
    to: "done",
    actors: PROVIDER,
    types: REPORT_TYPES,
    event: "REPORT_UPLOADED",
    effects: [
      { type: "add-tag", tag: "TECHNICAL_REPORT_SENT" },
      { type: "schedule-timer", timer: "auto-close" },
      moved,
    ],
  },
  {
    action: "request_extra_cost",
    from: ["confirmed", "in_progress"],
    to: "unchanged",
    actors: [...OPS, ...PROVIDER],
    event: "EXTRA_COST_REQUESTED",
    effects: [{ type: "open-task", task: "EXTRA_COST_REQUEST" }],
  },
  {
    action: "request_extra_cost",
    from: ["waiting_for_wcf"],
    to: "unchanged",
    actors: [...OPS, ...PROVIDER],
    guards: ["extra_cost_in_waiting_for_wcf"],
    event: "EXTRA_COST_REQUESTED",
    effects: [{ type: "open-task", task: "EXTRA_COST_REQUEST" }],
  },

  // Closing (DOMAIN 3.7). The service opens WCF_SIGNED_WITH_RESERVES when the signature carries reserves.
  {
    action: "sign_wcf",
    from: ["waiting_for_wcf"],
    to: "done",
    actors: CUSTOMER,
    types: WCF_SX_TYPES,
    event: "WCF_SIGNED",
    effects: WCF_ENDED,
  },
  {
    action: "close_wcf_manually",
    from: ["waiting_for_wcf"],
    to: "done",
    actors: OPS,
    types: WCF_SX_TYPES,
    event: "WCF_CLOSED_MANUALLY",
    effects: WCF_ENDED,
  },
  {
    action: "answer_survey",
    from: ["done"],
    to: "closed",
    actors: CUSTOMER,
    event: "SURVEY_ANSWERED",
    effects: [{ type: "cancel-timer", timer: "auto-close" }, moved],
  },
  { action: "auto_close", from: ["done"], to: "closed", actors: ["system"], event: "AUTO_CLOSED", effects: [moved] },

  // Rework (DOMAIN 3.9): the original becomes non_compliant and a rework SX is created beside it.
  {
    action: "open_rework",
    from: ["waiting_for_wcf", "done", "closed"],
    to: "non_compliant",
    actors: OPS,
    types: WCF_SX_TYPES,
    event: "MARKED_NON_COMPLIANT",
    effects: [
      { type: "add-tag", tag: "NON_COMPLIANT" },
      { type: "cancel-timers", scope: "all" },
      { type: "close-task", task: "WCF_NOT_SIGNED" },
      { type: "close-task", task: "WCF_SIGNED_WITH_RESERVES" },
      { type: "create-rework" },
      moved,
    ],
  },

  // Order system (DOMAIN 3.1, 3.3).
  {
    action: "order_update",
    from: ["pre_scheduled"],
    to: "unchanged",
    actors: ["integration"],
    types: ORDER_TYPES,
    event: "ORDER_UPDATED",
    effects: [...UNSIGNED_VERSION_STALE, updated],
  },
  {
    action: "order_update",
    from: ["scheduled", "distributed", "confirmed"],
    to: "unchanged",
    actors: ["integration"],
    types: ORDER_TYPES,
    event: "ORDER_UPDATED",
    effects: [updated],
  },
  {
    action: "order_update",
    from: ["in_progress"],
    to: "unchanged",
    actors: ["integration"],
    types: ORDER_TYPES,
    guards: ["service_line_updates_in_progress"],
    event: "ORDER_UPDATED",
    effects: [updated],
  },
  // From in_progress on the guard refuses: the API logs ORDER_CANCEL_IGNORED_IN_PROGRESS and leaves the job as is.
  {
    action: "order_cancel",
    from: NOT_CANCELLED,
    to: "cancelled",
    actors: ["integration"],
    types: ORDER_TYPES,
    guards: ["before_in_progress"],
    event: "ORDER_CANCELLED",
    effects: CANCELLED,
  },
];
