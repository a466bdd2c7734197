import type { BuParameters } from "../parameters/bu-parameters";
import type { SxStatus } from "./sx-status";

export const PX_STATUSES = ["new", "ongoing", "on_hold", "closed", "cancelled"] as const;
export type PxStatus = (typeof PX_STATUSES)[number];

export type PxJob = { status: SxStatus; closedAt: Date | null };

const DAY_MS = 24 * 60 * 60 * 1000;
/** A rework's original is over for the project as much as a closed job is. */
const FINISHED: readonly SxStatus[] = ["closed", "non_compliant"];

/**
 * DOMAIN 3.1, cancelled jobs ignored unless all are cancelled. A project of finished jobs stays on hold, open to new
 * jobs, for projectOnHoldDays after the last closure; a finished job without a closure instant counts as closed now.
 */
export function derivePxStatus(jobs: readonly PxJob[], params: BuParameters, now: Date): PxStatus {
  if (jobs.length === 0) return "new";
  const live = jobs.filter((job) => job.status !== "cancelled");
  if (live.length === 0) return "cancelled";
  if (live.every((job) => job.status === "pre_scheduled")) return "new";
  if (!live.every((job) => FINISHED.includes(job.status))) return "ongoing";
  const lastClosure = Math.max(...live.map((job) => (job.closedAt ?? now).getTime()));
  return now.getTime() < lastClosure + params.projectOnHoldDays * DAY_MS ? "on_hold" : "closed";
}
