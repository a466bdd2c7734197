import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { findFreePort } from "./free-port";
import { ensurePostgres, probePostgres } from "./postgres";

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const result = await client.query<{ one: number }>("select 1 as one");
    return result.rows[0]?.one ?? -1;
  } finally {
    await client.end();
  }
}

describe("ensurePostgres", () => {
  const savedUrl = process.env.DATABASE_URL;
  let dataDir = "";

  beforeAll(() => {
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  });
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "devstack-pg-"));
    // mkdtemp makes 0700 directories; as root the server runs as "postgres" and must traverse this one.
    await chmod(dataDir, 0o755);
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test("starts an embedded server, and a second call on the same data dir reuses it", { timeout: 60_000 }, async () => {
    const port = await findFreePort();
    const logs: string[] = [];
    const first = await ensurePostgres({ dataDir, port, persistent: false, log: (m) => logs.push(m) });
    try {
      expect(first.embedded).toBe(true);
      expect(first.url).toBe(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`);
      expect(await selectOne(first.url)).toBe(1);

      const second = await ensurePostgres({ dataDir, port, persistent: false });
      expect(second).toMatchObject({ url: first.url, embedded: true });
      await second.stop();
      expect(await selectOne(first.url)).toBe(1);
    } finally {
      await first.stop();
    }
    expect(await probePostgres(port)).toBe("none");
    expect(existsSync(path.join(dataDir, "pg"))).toBe(false);
    expect(logs).toEqual([]);
  });

  test("replaces a postmaster.pid whose pid belongs to another process", { timeout: 60_000 }, async () => {
    const port = await findFreePort();
    const first = await ensurePostgres({ dataDir, port, persistent: true });
    await first.stop();
    // Our own pid: alive, not a postmaster (postgres itself would refuse to start over it).
    await writeFile(
      path.join(dataDir, "pg", "postmaster.pid"),
      `${process.pid}\n${path.join(dataDir, "pg")}\n0\n${port}\n`,
    );

    const logs: string[] = [];
    const second = await ensurePostgres({ dataDir, port, persistent: false, log: (m) => logs.push(m) });
    try {
      expect(await selectOne(second.url)).toBe(1);
      expect(logs.join("\n")).toMatch(/stale .*postmaster\.pid/);
    } finally {
      await second.stop();
    }
  });

  test("reuses the server of this data dir when it runs on another port than asked", { timeout: 60_000 }, async () => {
    const port = await findFreePort();
    const first = await ensurePostgres({ dataDir, port, persistent: false });
    try {
      const logs: string[] = [];
      const second = await ensurePostgres({ dataDir, port: await findFreePort(), log: (m) => logs.push(m) });
      expect(second).toMatchObject({ url: first.url, embedded: true });
      expect(logs.join("\n")).toMatch(/already running on port/);
    } finally {
      await first.stop();
    }
  });

  test("refuses a port held by something that is not our server", { timeout: 30_000 }, async () => {
    const { createServer } = await import("node:net");
    const server = createServer((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      await expect(ensurePostgres({ dataDir, port, persistent: false })).rejects.toThrow(/Port \d+ is in use/);
    } finally {
      server.close();
    }
  });

  test("returns DATABASE_URL untouched when it is set", async () => {
    process.env.DATABASE_URL = "postgresql://owner:secret@db.example:5432/atende";
    try {
      const handle = await ensurePostgres({ dataDir });
      expect(handle).toMatchObject({ url: "postgresql://owner:secret@db.example:5432/atende", embedded: false });
      await handle.stop();
    } finally {
      delete process.env.DATABASE_URL;
    }
  });
});
