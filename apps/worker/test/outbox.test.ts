import { withTenant, type Db } from "@atende/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OutboxChannels } from "../src/channels/channel";
import { createSmtpMailer } from "../src/channels/email.channel";
import { DEFAULT_OUTBOX_RETRY, dispatchOutbox } from "../src/jobs/outbox-dispatch.job";
import { startWorker, type RunningWorker } from "../src/worker";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { createTenant, createWorld, silentLogger, waitFor, type World } from "./support";

const fastRetry = { backoffBaseMs: 50, backoffMaxMs: 200 };

describe("outbox dispatch", () => {
  let world: World;
  let tenantId: string;
  let worker: RunningWorker | undefined;
  let sink: SmtpSink | undefined;

  beforeAll(async () => {
    world = await createWorld();
    tenantId = await createTenant(world.tdb.ownerUrl);
  });

  afterEach(async () => {
    await worker?.stop();
    await sink?.close();
    worker = undefined;
    sink = undefined;
  });

  afterAll(async () => {
    await world?.close();
  });

  async function start(smtpUrl: string): Promise<RunningWorker> {
    return startWorker({
      db: world.db,
      redis: world.redis,
      prefix: world.prefix,
      logger: silentLogger,
      mailer: createSmtpMailer({ url: smtpUrl, from: "Atende <no-reply@atende.test>" }),
      outboxSweepEveryMs: 200,
      outboxRetry: fastRetry,
    });
  }

  it("sends an email written to the outbox over SMTP and marks it sent", async () => {
    sink = await startSmtpSink();
    const id = await writeEmail(world.db, tenantId, {
      to: "ana@example.test",
      subject: "Ticket T-1 updated",
      text: "Hello",
    });
    const invalid = await writeEmail(world.db, tenantId, { subject: "no recipient" });
    worker = await start(sink.url);

    const row = await waitFor(
      async () => {
        const found = await outboxRow(world.db, tenantId, id);
        return found.status === "sent" ? found : undefined;
      },
      5_000,
      "outbox row sent",
    );
    expect(row.attempts).toBe(1);
    expect(row.sentAt).not.toBeNull();
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]).toContain("Subject: Ticket T-1 updated");
    expect(sink.messages[0]).toContain("To: ana@example.test");
    expect(sink.messages[0]).toContain(`Message-ID: <${id}@atende>`);

    const rejected = await outboxRow(world.db, tenantId, invalid);
    expect(rejected.status).toBe("failed");
    expect(rejected.attempts).toBe(1);
    expect(rejected.lastError).toMatch(/invalid email payload/);
  });

  it("retries a failing SMTP server with backoff and gives up after 8 attempts", async () => {
    sink = await startSmtpSink({ reject: "mailbox temporarily unavailable" });
    const id = await writeEmail(world.db, tenantId, { to: "bo@example.test", subject: "Will fail", text: "Hello" });
    worker = await start(sink.url);

    const retrying = await waitFor(
      async () => {
        const found = await outboxRow(world.db, tenantId, id);
        return found.status === "pending" && found.attempts > 0 ? found : undefined;
      },
      3_000,
      "first failed attempt",
    );
    expect(retrying.lastError).toMatch(/mailbox temporarily unavailable/);
    expect(retrying.availableAt.getTime()).toBeGreaterThan(retrying.createdAt.getTime());

    const failed = await waitFor(
      async () => {
        const found = await outboxRow(world.db, tenantId, id);
        return found.status === "failed" ? found : undefined;
      },
      8_000,
      "row failed",
    );
    expect(failed.attempts).toBe(8);
    expect(failed.lastError).toMatch(/mailbox temporarily unavailable/);
    expect(failed.sentAt).toBeNull();
    expect(sink.messages).toHaveLength(0);
  });

  it("lets only one of two concurrent dispatchers send a row", async () => {
    const id = await writeEmail(world.db, tenantId, { to: "cy@example.test", subject: "Once", text: "Hello" });
    const sent: string[] = [];
    const record = async (message: { id: string }) => {
      sent.push(message.id);
    };
    const channels: OutboxChannels = { email: record, webhook: record };
    const deps = { db: world.db, channels, now: () => new Date(), logger: silentLogger, retry: DEFAULT_OUTBOX_RETRY };

    const results = await Promise.all([
      dispatchOutbox(deps, { tenantId, outboxId: id }),
      dispatchOutbox(deps, { tenantId, outboxId: id }),
    ]);
    expect(results.sort()).toEqual(["sent", "skipped"]);
    expect(sent).toEqual([id]);
    expect((await outboxRow(world.db, tenantId, id)).status).toBe("sent");
  });
});

function writeEmail(db: Db, tenantId: string, payload: Record<string, string>): Promise<string> {
  return withTenant(
    db,
    tenantId,
    async (tx) => (await tx.outbox.create({ data: { tenantId, kind: "email", payload } })).id,
  );
}

function outboxRow(db: Db, tenantId: string, id: string) {
  return withTenant(db, tenantId, (tx) => tx.outbox.findUniqueOrThrow({ where: { id } }));
}
