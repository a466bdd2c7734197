import { withTenant, type Db, type PrismaNamespace } from "@atende/db";
import { OUTBOX_KINDS, type OutboxKind, type TOutboxJob } from "@atende/jobs";
import type { Logger } from "pino";
import { PermanentDeliveryError, type OutboxChannels } from "../channels/channel";

export type OutboxRetry = {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a claimed row stays 'sending' before another worker may take it over (the sender crashed). */
  leaseMs: number;
};
export const DEFAULT_OUTBOX_RETRY: OutboxRetry = {
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 60 * 60_000,
  leaseMs: 120_000,
};

export type OutboxDispatchDeps = {
  db: Db;
  channels: OutboxChannels;
  now: () => Date;
  logger: Logger;
  retry: OutboxRetry;
};
export type OutboxDispatchResult = "sent" | "retry" | "failed" | "skipped";

type Claimed = { id: string; kind: string; payload: PrismaNamespace.JsonValue; attempts: number };

/**
 * Claims one outbox row, delivers it outside any transaction, then records the outcome. The claim is a conditional
 * UPDATE, so of two workers holding jobs for the same row only one sends it; attempts doubles as the fence that stops
 * a sender whose lease expired from overwriting the outcome of the one that took over.
 */
export async function dispatchOutbox(deps: OutboxDispatchDeps, job: TOutboxJob): Promise<OutboxDispatchResult> {
  const row = await claimOutbox(deps, job);
  if (!row) return "skipped";
  try {
    await deps.channels[outboxKind(row.kind)]({ id: row.id, tenantId: job.tenantId, payload: row.payload });
  } catch (error) {
    return recordFailure(deps, job.tenantId, row, error);
  }
  await finish(deps.db, job.tenantId, row, { status: "sent", sentAt: deps.now(), lastError: null });
  return "sent";
}

async function claimOutbox(deps: OutboxDispatchDeps, job: TOutboxJob): Promise<Claimed | undefined> {
  const now = deps.now();
  const rows = await withTenant(deps.db, job.tenantId, (tx) =>
    tx.outbox.updateManyAndReturn({
      where: {
        id: job.outboxId,
        tenantId: job.tenantId,
        status: { in: ["pending", "sending"] },
        availableAt: { lte: now },
      },
      data: {
        status: "sending",
        attempts: { increment: 1 },
        availableAt: new Date(now.getTime() + deps.retry.leaseMs),
      },
      select: { id: true, kind: true, payload: true, attempts: true },
    }),
  );
  return rows[0];
}

async function recordFailure(
  deps: OutboxDispatchDeps,
  tenantId: string,
  row: Claimed,
  error: unknown,
): Promise<OutboxDispatchResult> {
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const permanent = error instanceof PermanentDeliveryError;
  const giveUp = permanent || row.attempts >= deps.retry.maxAttempts;
  deps.logger.warn(
    { outboxId: row.id, tenantId, attempts: row.attempts, giveUp, err: error },
    "outbox delivery failed",
  );
  if (giveUp) {
    await finish(deps.db, tenantId, row, { status: "failed", lastError });
    return "failed";
  }
  const availableAt = new Date(deps.now().getTime() + backoffMs(deps.retry, row.attempts));
  await finish(deps.db, tenantId, row, { status: "pending", availableAt, lastError });
  return "retry";
}

export function backoffMs(retry: OutboxRetry, attempts: number): number {
  return Math.min(retry.backoffMaxMs, retry.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}

function finish(
  db: Db,
  tenantId: string,
  row: Claimed,
  data: PrismaNamespace.OutboxUpdateManyMutationInput,
): Promise<unknown> {
  return withTenant(db, tenantId, (tx) =>
    tx.outbox.updateMany({ where: { id: row.id, tenantId, status: "sending", attempts: row.attempts }, data }),
  );
}

function outboxKind(kind: string): OutboxKind {
  if (!(OUTBOX_KINDS as readonly string[]).includes(kind))
    throw new PermanentDeliveryError(`unknown outbox kind "${kind}"`);
  return kind as OutboxKind;
}
