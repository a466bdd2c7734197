import type { PrismaNamespace, Tx } from "@atende/db";
import { insertOutbox } from "@atende/jobs";

export const WEBHOOK_EVENTS = [
  "job.created",
  "job.status_changed",
  "job.cancelled",
  "job.updated",
  "project.status_changed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Payload of an outbox row of kind "webhook": the worker signs the body with the endpoint's secret and posts it. */
export type WebhookDelivery = { endpointId: string; event: WebhookEvent; body: Record<string, unknown> };

type Endpoint = { id: string; events: string[] };
// An order creates several jobs in one transaction: the tenant's endpoints are read once per transaction.
const endpointsByTx = new WeakMap<Tx, Promise<Endpoint[]>>();

function activeEndpoints(tx: Tx, tenantId: string): Promise<Endpoint[]> {
  let found = endpointsByTx.get(tx);
  if (!found) {
    found = tx.webhookEndpoint.findMany({ where: { tenantId, active: true }, select: { id: true, events: true } });
    endpointsByTx.set(tx, found);
  }
  return found;
}

/** One outbox row per active endpoint subscribed to the event, in the caller's transaction. */
export async function queueWebhooks(
  tx: Tx,
  tenantId: string,
  event: WebhookEvent,
  data: Record<string, unknown>,
  at: Date,
): Promise<number> {
  const endpoints = (await activeEndpoints(tx, tenantId)).filter((e) => e.events.includes(event));
  for (const endpoint of endpoints) {
    const delivery: WebhookDelivery = {
      endpointId: endpoint.id,
      event,
      body: { event, occurredAt: at.toISOString(), data },
    };
    await insertOutbox(tx, {
      tenantId,
      kind: "webhook",
      payload: delivery as unknown as PrismaNamespace.InputJsonValue,
    });
  }
  return endpoints.length;
}
