import { PrismaNamespace, uuidv7, type TenantQuery, type Tx } from "@atende/db";
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

export type NewOutboxRow = {
  tenantId: string;
  kind: string;
  payload: PrismaNamespace.InputJsonValue;
  /** Not before this time; now by default. */
  availableAt?: Date;
  createdAt?: Date;
};

/**
 * Writes one pending outbox row in the caller's transaction and returns its id, as `tx.outbox.create` would (a random
 * UUID, both timestamps taken from this process's clock) but as one raw statement: timer handlers write a row per
 * fired timer, and the ORM's query compiler cost the worker more than the insert costs PostgreSQL.
 */
export async function insertOutbox(tx: Tx, row: NewOutboxRow): Promise<string> {
  const { id, statement } = outboxInsert(row);
  await tx.$executeRaw(statement);
  return id;
}

/** The same row written in a raw tenant transaction (writeAsTenant), as raw timer handlers do. */
export async function insertOutboxRaw(query: TenantQuery, row: NewOutboxRow): Promise<string> {
  const { id, statement } = outboxInsert(row);
  await query(statement);
  return id;
}

function outboxInsert(row: NewOutboxRow): { id: string; statement: PrismaNamespace.Sql } {
  const id = uuidv7();
  const now = new Date();
  const statement = PrismaNamespace.sql`
    INSERT INTO outbox (id, tenant_id, kind, payload, status, attempts, available_at, created_at)
    VALUES (${id}::uuid, ${row.tenantId}::uuid, ${row.kind}, ${JSON.stringify(row.payload)}::jsonb, 'pending', 0,
      ${row.availableAt ?? now}, ${row.createdAt ?? now})`;
  return { id, statement };
}
