import { replanOpenTicketsPage, type TicketFollowUps } from "@atende/desk";
import type { TimerHandler } from "@atende/jobs";

/** Recomputes the clocks of the tenant's open tickets after an SLA configuration change, one page per firing. */
export function slaReplan(deps: Pick<TicketFollowUps, "dispatchTimers">): TimerHandler {
  return async (tx, job, now, afterCommit) => {
    const refs = await replanOpenTicketsPage(tx, job.tenantId, job.timerId, now);
    afterCommit(() => deps.dispatchTimers(refs));
  };
}
