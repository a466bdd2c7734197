import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { withTenant, type Db } from "@atende/db";
import { queueWebhooks, signWebhookPayload, verifyWebhookSignature } from "@atende/execution";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTenant, createWorld, silentLogger, waitFor, type World } from "../../test/support";
import { startWorker, type RunningWorker } from "../worker";
import { PermanentDeliveryError } from "./channel";
import { webhookChannel } from "./webhook.channel";

const SECRET = "whsec_test-secret-of-the-receiver";

type Received = { headers: IncomingHttpHeaders; body: string };
type Receiver = { url: string; received: Received[]; close: () => Promise<void> };

/** A real HTTP server on a free port; `answer` picks each response's status from the requests so far. */
async function startReceiver(answer: (count: number) => number | "hang" = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = answer(received.length);
      if (status === "hang") return;
      res.writeHead(status, { "content-type": "text/plain" }).end(`status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/atende?token=abc`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function createEndpoint(db: Db, tenantId: string, url: string, active = true): Promise<string> {
  return withTenant(db, tenantId, async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { tenantId, url, secret: SECRET, events: ["job.created", "job.cancelled"], active },
    });
    return row.id;
  });
}

/** Outbox rows through the real producer: one per active endpoint subscribed to the event. */
async function queue(db: Db, tenantId: string, data: Record<string, unknown>): Promise<string[]> {
  return withTenant(db, tenantId, async (tx) => {
    await queueWebhooks(tx, tenantId, "job.created", data, new Date("2027-03-15T10:00:00Z"));
    const rows = await tx.outbox.findMany({
      where: { kind: "webhook", status: "pending" },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    return rows.map((r) => r.id);
  });
}

function outboxRow(db: Db, tenantId: string, id: string) {
  return withTenant(db, tenantId, (tx) => tx.outbox.findUniqueOrThrow({ where: { id } }));
}

describe("webhook channel", () => {
  let world: World;
  let tenantId: string;
  let receiver: Receiver | undefined;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    world = await createWorld();
    tenantId = await createTenant(world.tdb.ownerUrl);
  });

  afterEach(async () => {
    await worker?.stop();
    await receiver?.close();
    worker = undefined;
    receiver = undefined;
    // Rows left by a test must not be swept into the next one's worker.
    await withTenant(world.db, tenantId, (tx) => tx.outbox.deleteMany({ where: { kind: "webhook" } }));
    await withTenant(world.db, tenantId, (tx) => tx.webhookEndpoint.deleteMany({}));
  });

  afterAll(async () => {
    await world?.close();
  });

  const start = () =>
    startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      outboxSweepEveryMs: 100,
      outboxRetry: { backoffBaseMs: 50, backoffMaxMs: 200 },
      // The receiver listens on 127.0.0.1.
      webhookAllowPrivateNetworks: true,
    });

  it("delivers a signed JSON POST; a 500 is retried and the retry carries the same delivery id", async () => {
    receiver = await startReceiver((count) => (count === 1 ? 500 : 200));
    await createEndpoint(world.db, tenantId, receiver.url);
    const [id] = await queue(world.db, tenantId, { jobId: "j-1", number: 42 });
    worker = await start();

    const row = await waitFor(
      async () => {
        const found = await outboxRow(world.db, tenantId, id!);
        return found.status === "sent" ? found : undefined;
      },
      8_000,
      "webhook delivered",
    );
    expect(row.attempts).toBe(2);
    expect(receiver.received).toHaveLength(2);
    for (const { headers, body } of receiver.received) {
      expect(headers["content-type"]).toBe("application/json");
      expect(headers["x-atende-event"]).toBe("job.created");
      expect(headers["x-atende-delivery"]).toBe(id);
      expect(verifyWebhookSignature(SECRET, headers["x-atende-signature"] as string, body, 300)).toBe(true);
      expect(JSON.parse(body)).toEqual({
        event: "job.created",
        occurredAt: "2027-03-15T10:00:00.000Z",
        data: { jobId: "j-1", number: 42 },
      });
    }
  });

  it("gives up at once on a 4xx other than 408/429, and keeps retrying a 429", async () => {
    receiver = await startReceiver((count) => (count === 1 ? 429 : 410));
    await createEndpoint(world.db, tenantId, receiver.url);
    const [id] = await queue(world.db, tenantId, { jobId: "j-2" });
    worker = await start();

    const row = await waitFor(
      async () => {
        const found = await outboxRow(world.db, tenantId, id!);
        return found.status === "failed" ? found : undefined;
      },
      8_000,
      "webhook failed",
    );
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBe(`webhook endpoint ${new URL(receiver.url).origin} answered 410`);
    expect(receiver.received).toHaveLength(2);
  });

  it("fails for good when the endpoint was deleted or deactivated, without calling anyone", async () => {
    receiver = await startReceiver();
    const channel = webhookChannel({ db: world.db, now: () => new Date(), allowPrivateNetworks: true });
    const inactive = await createEndpoint(world.db, tenantId, receiver.url, false);
    const deleted = "00000000-0000-4000-8000-000000000000";
    for (const endpointId of [inactive, deleted]) {
      const payload = { endpointId, event: "job.created", body: { a: 1 } };
      await expect(channel({ id: "d-1", tenantId, payload })).rejects.toBeInstanceOf(PermanentDeliveryError);
    }
    await expect(channel({ id: "d-2", tenantId, payload: { event: "x" } })).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses for good to deliver into a private network unless allowed, without calling anyone", async () => {
    receiver = await startReceiver();
    const endpointId = await createEndpoint(world.db, tenantId, receiver.url);
    const channel = webhookChannel({ db: world.db, now: () => new Date() });
    const attempt = channel({ id: "d-4", tenantId, payload: { endpointId, event: "job.created", body: {} } });
    await expect(attempt).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(attempt).rejects.toThrow(/private network/);
    expect(receiver.received).toHaveLength(0);
  });

  it("gives up on an attempt after the timeout, to be retried", async () => {
    receiver = await startReceiver(() => "hang");
    const endpointId = await createEndpoint(world.db, tenantId, receiver.url);
    const channel = webhookChannel({ db: world.db, now: () => new Date(), timeoutMs: 200, allowPrivateNetworks: true });
    const attempt = channel({ id: "d-3", tenantId, payload: { endpointId, event: "job.created", body: {} } });
    await expect(attempt).rejects.toThrow(/no answer within 200 ms/);
    await expect(attempt).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it("signs deliveries so receivers refuse tampered, foreign, unsigned and stale ones", () => {
    const body = '{"event":"job.created"}';
    const now = 1_800_000_000;
    const header = signWebhookPayload(SECRET, body, now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, header, body, 300, now + 299)).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, Buffer.from(body), 300, now)).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, '{"event":"job.cancelled"}', 300, now)).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, body, 300, now + 301)).toBe(false);
    expect(verifyWebhookSignature(SECRET, undefined, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, "t=1800000000", body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, "garbage", body, 300, now)).toBe(false);
    // A rotation may sign with two secrets; either verifies.
    const old = signWebhookPayload("whsec_old", body, now).split(",")[1];
    expect(verifyWebhookSignature(SECRET, `${header},${old}`, body, 300, now)).toBe(true);
  });
});
