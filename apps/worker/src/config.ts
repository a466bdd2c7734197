import { appDatabaseUrl } from "@atende/db";

export type WorkerConfig = {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  smtpUrl: string | null;
  smtpFrom: string;
  storageDir: string;
  publicUrl: string;
  webhookAllowPrivateNetworks: boolean;
  /** Timer jobs processed at once; null for the worker's default. */
  timersConcurrency: number | null;
};

/** Reads the environment once at process start; everything else receives the result. */
export function workerConfigFromEnv(env: NodeJS.ProcessEnv): WorkerConfig {
  return {
    databaseUrl: databaseUrl(env),
    redisUrl: env.REDIS_URL ?? "redis://127.0.0.1:6379",
    redisPrefix: env.REDIS_PREFIX ?? "atende",
    smtpUrl: env.SMTP_URL || null,
    smtpFrom: env.SMTP_FROM ?? "Atende <no-reply@atende.invalid>",
    storageDir: env.STORAGE_DIR ?? ".data/storage",
    webhookAllowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS === "true",
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? "3000"}`,
    timersConcurrency: positiveInteger(env, "TIMERS_CONCURRENCY"),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw === "") return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function databaseUrl(env: NodeJS.ProcessEnv): string {
  if (env.DATABASE_APP_URL) return env.DATABASE_APP_URL;
  if (env.DATABASE_URL) return appDatabaseUrl(env.DATABASE_URL, env);
  throw new Error("Set DATABASE_APP_URL, or DATABASE_URL from which the app role's URL is derived");
}
