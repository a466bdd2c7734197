import type { OutboxKind } from "@atende/jobs";

export type OutboxMessage = { id: string; tenantId: string; payload: unknown };

/** Delivers one outbox row; rejects to have it retried with backoff, or with PermanentDeliveryError to give up now. */
export type OutboxChannel = (message: OutboxMessage) => Promise<void>;
export type OutboxChannels = Record<OutboxKind, OutboxChannel>;

/** Retrying cannot help (invalid payload, unknown kind): the row goes straight to 'failed'. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}
