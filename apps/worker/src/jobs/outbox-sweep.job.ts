import { withTenant, type Db } from "@atende/db";
import { enqueueOutbox, forEachTenant, type OutboxRef } from "@atende/jobs";
import type { Queue } from "bullmq";
import type { Logger } from "pino";

export type OutboxSweepDeps = { db: Db; queue: Queue; now: () => Date; logger: Logger };

type Cursor = { availableAt: Date; id: string };

/**
 * Enqueues a dispatch job for every outbox row that is due: pending rows whose backoff has passed, and 'sending'
 * rows whose lease expired (their sender died). Job ids carry the attempt count, so repeats are deduplicated.
 */
export async function sweepOutbox(deps: OutboxSweepDeps, pageSize = 500): Promise<number> {
  const now = deps.now();
  let enqueued = 0;
  await forEachTenant(deps.db, async (tenantId) => {
    try {
      enqueued += await sweepTenant(deps, tenantId, now, pageSize);
    } catch (error) {
      deps.logger.error({ err: error, tenantId }, "outbox sweep failed for tenant");
    }
  });
  return enqueued;
}

async function sweepTenant(deps: OutboxSweepDeps, tenantId: string, now: Date, pageSize: number): Promise<number> {
  let enqueued = 0;
  let cursor: Cursor | undefined;
  for (;;) {
    const rows = await pageDueOutbox(deps.db, tenantId, now, cursor, pageSize);
    const refs: OutboxRef[] = rows.map((row) => ({ tenantId, outboxId: row.id, attempts: row.attempts }));
    await enqueueOutbox(deps.queue, refs);
    enqueued += refs.length;
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || !last) return enqueued;
    cursor = { availableAt: last.availableAt, id: last.id };
  }
}

function pageDueOutbox(db: Db, tenantId: string, now: Date, cursor: Cursor | undefined, pageSize: number) {
  return withTenant(db, tenantId, (tx) =>
    tx.outbox.findMany({
      where: {
        tenantId,
        status: { in: ["pending", "sending"] },
        availableAt: { lte: now },
        ...(cursor
          ? {
              OR: [
                { availableAt: { gt: cursor.availableAt } },
                { availableAt: cursor.availableAt, id: { gt: cursor.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ availableAt: "asc" }, { id: "asc" }],
      take: pageSize,
      select: { id: true, attempts: true, availableAt: true },
    }),
  );
}
