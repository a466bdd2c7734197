import { closeDb, createDb } from "@atende/db";
import { Redis } from "ioredis";
import { pino, type Logger } from "pino";
import { createLogMailer, createSmtpMailer } from "./channels/email.channel";
import { workerConfigFromEnv } from "./config";
import { startWorker } from "./worker";

async function main(logger: Logger): Promise<void> {
  const config = workerConfigFromEnv(process.env);
  const db = createDb({ connectionString: config.databaseUrl });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  if (!config.smtpUrl) logger.warn("SMTP_URL is not set: outbox emails are only logged by id, not sent");
  const mailer = config.smtpUrl
    ? createSmtpMailer({ url: config.smtpUrl, from: config.smtpFrom })
    : createLogMailer(logger);
  const running = await startWorker({
    db,
    redis,
    prefix: config.redisPrefix,
    logger,
    mailer,
    storageDir: config.storageDir,
    publicUrl: config.publicUrl,
    webhookAllowPrivateNetworks: config.webhookAllowPrivateNetworks,
    ...(config.timersConcurrency ? { timersConcurrency: config.timersConcurrency } : {}),
  });

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without waiting for active jobs");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down: waiting for active jobs");
    try {
      await running.stop();
      await closeDb(db);
      await redis.quit();
      logger.info("worker stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", (signal) => void shutdown(signal));
  process.on("SIGINT", (signal) => void shutdown(signal));
}

// Created before the config is read, so a bad configuration is reported through it too.
const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });
main(logger).catch((error: unknown) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
