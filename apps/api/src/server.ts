import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { appDatabaseUrl, closeDb, createDb } from "@atende/db";
import { dispatchTimers, QUEUES } from "@atende/jobs";
import { buildApp } from "./app";
import { configFromEnv } from "./config";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(
      `${name} is not set: start the product with \`npm start\`, which configures everything, or set ${name}.`,
    );
    process.exit(1);
  }
  return value;
}

const databaseUrl = required("DATABASE_URL");
const config = configFromEnv(process.env, {
  databaseUrl,
  appDatabaseUrl: appDatabaseUrl(databaseUrl),
  redisUrl: required("REDIS_URL"),
  sessionSecret: required("SESSION_SECRET"),
});
const db = createDb({ connectionString: config.appDatabaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const timersQueue = new Queue(QUEUES.timers, { connection: redis, prefix: config.redisPrefix });
const app = await buildApp({
  config,
  db,
  redis,
  timersQueue,
  dispatchTimers: (refs, options) => dispatchTimers(db, timersQueue, refs, new Date(), options),
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, "shutting down");
  await app.close();
  await timersQueue.close();
  await closeDb(db);
  redis.disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await app.listen({ port: config.port, host: config.host });
