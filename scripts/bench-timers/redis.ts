import type { Redis } from "ioredis";

/** Only this run's keys: the Redis server is shared, so never FLUSHALL. Returns how many keys were unlinked. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    if (keys.length > 0) deleted += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
  return deleted;
}

export async function redisInfo(redis: Redis): Promise<{ version: string; hz: string; usedMemory: string }> {
  const server = await redis.info("server");
  const memory = await redis.info("memory");
  const field = (text: string, name: string): string =>
    new RegExp(`^${name}:(.*)$`, "m").exec(text)?.[1]?.trim() ?? "?";
  let hz = "?";
  try {
    const reply = (await redis.config("GET", "hz")) as unknown;
    if (Array.isArray(reply) && typeof reply[1] === "string") hz = reply[1];
  } catch {
    hz = "unknown (CONFIG disabled)";
  }
  return { version: field(server, "redis_version"), hz, usedMemory: field(memory, "used_memory_human") };
}
