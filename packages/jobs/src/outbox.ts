import type { Queue } from "bullmq";
import { OUTBOX_JOBS, type TOutboxJob } from "./catalog";

export type OutboxRef = TOutboxJob & { attempts: number };

/** One job per delivery attempt: re-adding while that attempt is queued is deduplicated by BullMQ. */
export function outboxJobId(ref: Pick<OutboxRef, "outboxId" | "attempts">): string {
  return `outbox-${ref.outboxId}-${ref.attempts}`;
}

/**
 * Optional fast path after the transaction that wrote outbox rows commits (a new row has attempts 0); the worker's
 * outbox sweep picks up anything not enqueued this way within seconds.
 */
export async function enqueueOutbox(queue: Queue, refs: OutboxRef[]): Promise<void> {
  if (refs.length === 0) return;
  await queue.addBulk(
    refs.map((ref) => ({
      name: OUTBOX_JOBS.dispatch,
      data: { tenantId: ref.tenantId, outboxId: ref.outboxId },
      // Failed jobs are dropped rather than kept: a kept one would swallow the sweep's re-add under the same id.
      opts: { jobId: outboxJobId(ref), removeOnComplete: true, removeOnFail: true },
    })),
  );
}
