import type { Db } from "@atende/db";
import type { LivePublisher } from "@atende/desk";
import type { TimerRef } from "@atende/jobs";

export type TicketDeps = {
  /** For work outside the request's transactions: case numbers are taken in a transaction of their own. */
  db: Db;
  now: () => Date;
  /** Enqueues timers once the transaction has committed. */
  dispatchTimers: (refs: TimerRef[]) => Promise<void>;
  publish: LivePublisher;
  storageDir: string;
};

/** After-commit work: timers and live notices are best effort (the sweep and the next refetch repair them). */
export async function afterCommit(
  deps: TicketDeps,
  tenantId: string,
  ticketId: string,
  refs: TimerRef[],
  created = false,
) {
  await deps.dispatchTimers(refs).catch(() => undefined);
  await deps
    .publish(tenantId, { type: created ? "ticket.created" : "ticket.changed", ticketId })
    .catch(() => undefined);
}
