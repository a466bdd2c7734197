export { DEFAULT_POSTGRES_PORT, embeddedPostgresUrl, ensurePostgres, probePostgres } from "./postgres";
export type { EnsurePostgresOptions, PostgresHandle, PostgresProbeResult } from "./postgres";
export { DEFAULT_REDIS_PORT, REDIS_REQUIRED_MESSAGE, SYSTEM_REDIS_PORT, ensureRedis, pingRedis } from "./redis";
export type { EnsureRedisOptions, PingResult, RedisHandle } from "./redis";
export { findFreePort } from "./free-port";
export { sleep, waitFor } from "./wait";
export type { WaitOptions } from "./wait";
