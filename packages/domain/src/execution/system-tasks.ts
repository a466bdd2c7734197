import type { SxEventName } from "./sx-events";

/** Situations that open a ticket of type `task` linked to the SX (DOMAIN 3.12). */
export const SYSTEM_TASK_KINDS = [
  "CONTRACT_NOT_SIGNED",
  "NEED_TO_ASSIGN_PROVIDER",
  "WCF_NOT_SIGNED",
  "WCF_SIGNED_WITH_RESERVES",
  "EXTRA_COST_REQUEST",
  "RESCHEDULE_REQUEST",
  "NO_SHOW",
  "JOB_START_ISSUE",
  "ZONE_CHANGE",
  "INVOICE_DISPUTE",
  "CUSTOMER_CANCEL_REQUEST",
  "CUSTOMER_RESCHEDULE_REQUEST",
  "CUSTOMER_ADDRESS_CHANGE_REQUEST",
] as const;
export type SystemTaskKind = (typeof SYSTEM_TASK_KINDS)[number];

/** Group codes of the seeded queues (L1 Customer Success, L2 Support, L3 Operations, Back-office). */
export const SYSTEM_TASK_GROUPS = ["L1", "L2", "L3", "BACK-OFFICE"] as const;
export type SystemTaskGroup = (typeof SYSTEM_TASK_GROUPS)[number];

/** The default priority levels of a tenant (DEFAULT_PRIORITIES codes; the seed SLA policies match on them). */
export type SystemTaskPriority = "high" | "medium" | "low";

export type SystemTaskMeta = {
  groupCode: SystemTaskGroup;
  priority: SystemTaskPriority;
  subject: (jobNumber: string) => string;
  /** History events that resolve the situation: the open task is closed automatically when one is logged. */
  closesOn: readonly SxEventName[];
};

const ENDED: readonly SxEventName[] = ["CANCELLED", "ORDER_CANCELLED"];

// Contract and customer requests go to the back-office, provider matters to L3 operations, disputes to L2.
export const SYSTEM_TASK_META: Record<SystemTaskKind, SystemTaskMeta> = {
  CONTRACT_NOT_SIGNED: {
    groupCode: "BACK-OFFICE",
    priority: "medium",
    subject: (job) => `Contract not signed - job ${job}`,
    closesOn: ["CONTRACT_SIGNED", "CONTRACT_SIGNATURE_IN_PAPER", "SKIP_CONTRACT", ...ENDED],
  },
  NEED_TO_ASSIGN_PROVIDER: {
    groupCode: "L3",
    priority: "high",
    subject: (job) => `Need to assign a provider - job ${job}`,
    closesOn: ["PROVIDER_ASSIGNED", "AUTO_ASSIGNED", "OFFER_ACCEPTED", ...ENDED],
  },
  WCF_NOT_SIGNED: {
    groupCode: "BACK-OFFICE",
    priority: "low",
    subject: (job) => `Work closing form not signed - job ${job}`,
    closesOn: ["WCF_SIGNED", "WCF_CLOSED_MANUALLY", "MARKED_NON_COMPLIANT", ...ENDED],
  },
  WCF_SIGNED_WITH_RESERVES: {
    groupCode: "L2",
    priority: "medium",
    subject: (job) => `Work closing form signed with reserves - job ${job}`,
    closesOn: ["MARKED_NON_COMPLIANT"],
  },
  EXTRA_COST_REQUEST: {
    groupCode: "L3",
    priority: "medium",
    subject: (job) => `Extra cost request - job ${job}`,
    closesOn: ENDED,
  },
  RESCHEDULE_REQUEST: {
    groupCode: "L3",
    priority: "medium",
    subject: (job) => `Reschedule request - job ${job}`,
    closesOn: ["RESCHEDULED", ...ENDED],
  },
  NO_SHOW: {
    groupCode: "L3",
    priority: "high",
    subject: (job) => `Provider no-show - job ${job}`,
    closesOn: ["CHECKED_IN", "PROVIDER_ASSIGNED", ...ENDED],
  },
  JOB_START_ISSUE: {
    groupCode: "L3",
    priority: "high",
    subject: (job) => `Job could not start - job ${job}`,
    closesOn: ENDED,
  },
  ZONE_CHANGE: {
    groupCode: "L3",
    priority: "medium",
    subject: (job) => `Worksite postcode changed after provider allocation - job ${job}`,
    closesOn: ["PROVIDER_ASSIGNED", ...ENDED],
  },
  INVOICE_DISPUTE: {
    groupCode: "L2",
    priority: "medium",
    subject: (job) => `Invoice dispute - job ${job}`,
    closesOn: [],
  },
  CUSTOMER_CANCEL_REQUEST: {
    groupCode: "BACK-OFFICE",
    priority: "medium",
    subject: (job) => `Customer asks to cancel - job ${job}`,
    closesOn: ENDED,
  },
  CUSTOMER_RESCHEDULE_REQUEST: {
    groupCode: "BACK-OFFICE",
    priority: "medium",
    subject: (job) => `Customer asks to reschedule - job ${job}`,
    closesOn: ["RESCHEDULED", ...ENDED],
  },
  CUSTOMER_ADDRESS_CHANGE_REQUEST: {
    groupCode: "BACK-OFFICE",
    priority: "medium",
    subject: (job) => `Customer asks to change the address - job ${job}`,
    closesOn: ["ADDRESS_CHANGED", ...ENDED],
  },
};

/** The kinds of open task a logged event closes. */
export function tasksClosedBy(event: SxEventName): SystemTaskKind[] {
  return SYSTEM_TASK_KINDS.filter((kind) => SYSTEM_TASK_META[kind].closesOn.includes(event));
}
