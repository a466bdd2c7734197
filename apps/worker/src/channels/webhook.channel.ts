import { withTenant, type Db } from "@atende/db";
import { signWebhookPayload, WEBHOOK_SIGNATURE_HEADER } from "@atende/execution";
import { z } from "zod";
import { PermanentDeliveryError, type OutboxChannel } from "./channel";
import { resolvesToPrivateNetwork } from "./private-address";

/** Payload of an outbox row of kind "webhook", as queueWebhooks (packages/execution) writes it. */
export const ZWebhookDelivery = z.object({
  endpointId: z.uuid(),
  event: z.string().min(1).max(100),
  body: z.record(z.string(), z.unknown()),
});

export type WebhookChannelDeps = {
  db: Db;
  now: () => Date;
  /** Per attempt; well under the outbox lease, so a hung receiver cannot outlive the claim on its row. */
  timeoutMs?: number;
  /** Deliver to loopback and private addresses too (development and tests); refused by default. */
  allowPrivateNetworks?: boolean;
};

const DEFAULT_TIMEOUT_MS = 10_000;

/** Statuses that say the request itself is refused; retrying the same request cannot change the answer. */
function isPermanent(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Where a delivery went, for errors stored on the outbox row: never the path or query, which may hold tokens. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(invalid url)";
  }
}

/**
 * POSTs the event body as JSON, signed with the endpoint's secret. The outbox row id goes in x-atende-delivery and
 * stays the same across retries, so receivers can discard a delivery they already processed.
 */
export function webhookChannel(deps: WebhookChannelDeps): OutboxChannel {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async ({ id, tenantId, payload }) => {
    const parsed = ZWebhookDelivery.safeParse(payload);
    if (!parsed.success) throw new PermanentDeliveryError(`invalid webhook payload: ${parsed.error.message}`);
    const delivery = parsed.data;
    const endpoint = await withTenant(deps.db, tenantId, (tx) =>
      tx.webhookEndpoint.findFirst({
        where: { id: delivery.endpointId, tenantId },
        select: { url: true, secret: true, active: true },
      }),
    );
    if (!endpoint) throw new PermanentDeliveryError(`webhook endpoint ${delivery.endpointId} no longer exists`);
    if (!endpoint.active) throw new PermanentDeliveryError(`webhook endpoint ${delivery.endpointId} is inactive`);

    if (!deps.allowPrivateNetworks && (await resolvesToPrivateNetwork(endpoint.url).catch(() => false))) {
      throw new PermanentDeliveryError(
        `webhook endpoint ${originOf(endpoint.url)} is in a private network; deliveries there are refused`,
      );
    }
    const rawBody = JSON.stringify(delivery.body);
    const timestamp = Math.floor(deps.now().getTime() / 1000);
    const where = originOf(endpoint.url);
    let response: Response;
    try {
      response = await fetch(endpoint.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Atende-Webhooks/1",
          "x-atende-event": delivery.event,
          "x-atende-delivery": id,
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(endpoint.secret, rawBody, timestamp),
        },
        body: rawBody,
        // A redirect is not followed: the body would be re-sent somewhere nobody registered.
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === "TimeoutError"
          ? `no answer within ${timeoutMs} ms`
          : error instanceof Error
            ? error.cause instanceof Error
              ? error.cause.message
              : error.message
            : String(error);
      throw new Error(`webhook delivery to ${where} failed: ${reason}`, { cause: error });
    }
    // Only the status matters; not reading the body would keep the connection busy until it is collected.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return;
    const message = `webhook endpoint ${where} answered ${response.status}`;
    if (isPermanent(response.status)) throw new PermanentDeliveryError(message);
    throw new Error(message);
  };
}
