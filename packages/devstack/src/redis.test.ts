import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { findFreePort } from "./free-port";
import { ensureRedis, pingRedis } from "./redis";

describe("ensureRedis", () => {
  const savedUrl = process.env.REDIS_URL;
  let dataDir = "";

  beforeAll(() => {
    delete process.env.REDIS_URL;
  });
  afterAll(() => {
    if (savedUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedUrl;
  });
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "devstack-redis-"));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test(
    "spawns redis-server when nothing answers, reuses it from a second call, stops it",
    { timeout: 60_000 },
    async () => {
      // The machine's own Redis may answer on 6379: point the probe at a port nobody uses to force the spawn path.
      const probePort = await findFreePort();
      const port = await findFreePort();
      const logs: string[] = [];
      const first = await ensureRedis({ dataDir, port, probePort, log: (m) => logs.push(m) });
      try {
        expect(first).toMatchObject({ url: `redis://127.0.0.1:${port}`, spawned: true });
        expect(await pingRedis(port)).toBe("pong");

        const second = await ensureRedis({ dataDir, port, probePort });
        expect(second).toMatchObject({ url: first.url, spawned: false });
        await second.stop();
        expect(await pingRedis(port)).toBe("pong");
      } finally {
        await first.stop();
      }
      expect(await pingRedis(port)).toBe("none");
      expect(logs).toEqual([]);
    },
  );

  test("uses a server that already answers on the probe port", async () => {
    const probePort = await findFreePort();
    const first = await ensureRedis({ dataDir, port: probePort, probePort: await findFreePort() });
    try {
      const handle = await ensureRedis({ dataDir, port: await findFreePort(), probePort });
      expect(handle).toMatchObject({ url: `redis://127.0.0.1:${probePort}`, spawned: false });
    } finally {
      await first.stop();
    }
  });

  test("refuses a port held by something that is not Redis", async () => {
    const { createServer } = await import("node:net");
    const server = createServer((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      await expect(ensureRedis({ dataDir, port, probePort: await findFreePort() })).rejects.toThrow(
        /Port \d+ is in use/,
      );
    } finally {
      server.close();
    }
  });

  test("returns REDIS_URL untouched when it is set", async () => {
    process.env.REDIS_URL = "redis://cache.example:6379/2";
    try {
      const handle = await ensureRedis({ dataDir });
      expect(handle).toMatchObject({ url: "redis://cache.example:6379/2", spawned: false });
    } finally {
      delete process.env.REDIS_URL;
    }
  });
});
