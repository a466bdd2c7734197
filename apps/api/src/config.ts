export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  appDatabaseUrl: string;
  redisUrl: string;
  smtpUrl: string | null;
  storageDir: string;
  /** Where customers reach the web app (signing links in e-mails and QR codes). */
  publicUrl: string;
  sessionSecret: string;
  sessionTtlMinutes: number;
  /** How long an API process reuses a session it read; 0 reads it on every request (decision 0017). */
  sessionCacheTtlMs: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRateLimitPerMinute: number;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  attachmentMaxBytes: number;
  webDistDir: string | null;
  redisPrefix: string;
  logLevel: string;
  /** Honour X-Forwarded-For only behind a proxy you run; otherwise clients could spoof their rate-limit key. */
  trustProxy: boolean;
};

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

/** Reads the environment once at process start; everything else receives the result. */
export function configFromEnv(
  env: NodeJS.ProcessEnv,
  required: Pick<Config, "databaseUrl" | "appDatabaseUrl" | "redisUrl" | "sessionSecret">,
): Config {
  return {
    ...required,
    port: int(env.PORT, 3000),
    host: env.HOST ?? "0.0.0.0",
    smtpUrl: env.SMTP_URL ?? null,
    storageDir: env.STORAGE_DIR ?? ".data/storage",
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${int(env.PORT, 3000)}`,
    sessionTtlMinutes: int(env.SESSION_TTL_MINUTES, 12 * 60),
    sessionCacheTtlMs: int(env.SESSION_CACHE_TTL_MS, 10_000),
    cookieSecure: env.COOKIE_SECURE === "true",
    loginMaxFailures: int(env.LOGIN_MAX_FAILURES, 5),
    loginLockMinutes: int(env.LOGIN_LOCK_MINUTES, 15),
    loginRateLimitPerMinute: int(env.LOGIN_RATE_LIMIT_PER_MINUTE, 20),
    rateLimitPerMinute: int(env.RATE_LIMIT_PER_MINUTE, 1200),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1024 * 1024),
    attachmentMaxBytes: int(env.ATTACHMENT_MAX_BYTES, 10 * 1024 * 1024),
    webDistDir: env.WEB_DIST_DIR ?? null,
    redisPrefix: env.REDIS_PREFIX ?? "atende",
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: env.TRUST_PROXY === "true",
  };
}
