import type { LivePublisher } from "@atende/desk";
import type { DispatchOptions, TimerRef } from "@atende/jobs";

export type TicketDeps = {
  now: () => Date;
  /** Enqueues timers once the transaction has committed. */
  dispatchTimers: (refs: TimerRef[], options?: DispatchOptions) => Promise<void>;
  publish: LivePublisher;
  storageDir: string;
  /** The web app's address, for the ticket links in e-mails. */
  publicUrl: string;
};

/** After-commit work: timers and live notices are best effort (the sweep and the next refetch repair them). */
export async function afterCommit(
  deps: TicketDeps,
  tenantId: string,
  ticketId: string,
  refs: TimerRef[],
  { created = false, premarked = false }: { created?: boolean; premarked?: boolean } = {},
) {
  // Independent of each other (the notice makes browsers refetch the ticket, not its jobs): one wait, not two.
  await Promise.all([
    deps.dispatchTimers(refs, { premarked }).catch(() => undefined),
    deps.publish(tenantId, { type: created ? "ticket.created" : "ticket.changed", ticketId }).catch(() => undefined),
  ]);
}
