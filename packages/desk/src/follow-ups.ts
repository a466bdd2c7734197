import type { AfterCommit, JobsLog, TimerRef } from "@atende/jobs";
import type { DeskActor } from "./events";
import type { LivePublisher } from "./live";

/** What a change to a ticket does once its transaction has committed. */
export type TicketFollowUps = {
  /** Enqueues timers scheduled by the change. */
  dispatchTimers: (refs: TimerRef[]) => Promise<void>;
  publish: LivePublisher;
};

/** What the worker's ticket timer handlers are built with; `publicUrl` is the web app's address, for e-mail links. */
export type TicketJobDeps = TicketFollowUps & { log: JobsLog; publicUrl: string };

/** Both are best effort: the timer sweep enqueues anything left behind and clients refetch on their next notice. */
export function afterTicketChange(
  afterCommit: AfterCommit,
  followUps: TicketFollowUps,
  change: { tenantId: string; ticketId: string; refs: TimerRef[] },
): void {
  afterCommit(async () => {
    await followUps.dispatchTimers(change.refs).catch(() => undefined);
    await followUps
      .publish(change.tenantId, { type: "ticket.changed", ticketId: change.ticketId })
      .catch(() => undefined);
  });
}

/** A timer handler treats what is due within this margin as due: worker and database clocks may differ slightly. */
export const TIMER_SKEW_MS = 1_000;

/** Changes made by timers are the system's, not a person's. */
export const SYSTEM_ACTOR: DeskActor = { userId: null, label: "system" };
