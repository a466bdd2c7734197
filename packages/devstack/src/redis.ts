import { type ChildProcess, spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { LineTail, errorMessage, findExecutable, run } from "./process-utils";
import { waitFor } from "./wait";

export const DEFAULT_REDIS_PORT = 6390;
export const SYSTEM_REDIS_PORT = 6379;
export const REDIS_REQUIRED_MESSAGE =
  "Redis is required: install it (apt-get install redis-server / brew install redis) or set REDIS_URL to a running server.";

const BINARY_DIRS = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"];
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;

export type EnsureRedisOptions = {
  /** A spawned server keeps its dump in `<dataDir>/redis`. */
  dataDir: string;
  /** Port for a spawned server; default 6390. */
  port?: number;
  /** Where an already running Redis is looked for first; default 6379. */
  probePort?: number;
  log?: (msg: string) => void;
};

export type RedisHandle = {
  url: string;
  /** True only when this call started redis-server as a child process. */
  spawned: boolean;
  /** Stops the child this call spawned; a no-op otherwise. */
  stop: () => Promise<void>;
};

export type PingResult = "pong" | "loading" | "other" | "none";

const noop = async (): Promise<void> => {};

function redisUrl(port: number): string {
  return `redis://127.0.0.1:${port}`;
}

export async function ensureRedis(opts: EnsureRedisOptions): Promise<RedisHandle> {
  const external = process.env.REDIS_URL;
  if (external) return { url: external, spawned: false, stop: noop };

  const log = opts.log ?? (() => {});
  const probePort = opts.probePort ?? SYSTEM_REDIS_PORT;
  const port = opts.port ?? DEFAULT_REDIS_PORT;
  const reuse = (p: number): RedisHandle => ({ url: redisUrl(p), spawned: false, stop: noop });

  if ((await pingRedis(probePort)) === "pong") return reuse(probePort);

  // A server left running by an earlier run (its parent was killed without a chance to stop it).
  const existing = await pingRedis(port);
  if (existing === "loading") {
    await waitForPong(port);
    return reuse(port);
  }
  if (existing === "pong") return reuse(port);
  if (existing === "other") throw portTakenError(port);

  let binary = await findExecutable("redis-server", BINARY_DIRS);
  if (!binary) {
    await installRedis(log);
    // Debian's package starts its own service on 6379 where an init system lets it.
    if ((await pingRedis(probePort)) === "pong") return reuse(probePort);
    binary = await findExecutable("redis-server", BINARY_DIRS);
    if (!binary) throw new Error(REDIS_REQUIRED_MESSAGE);
  }
  return spawnRedis(binary, port, path.resolve(opts.dataDir, "redis"), log);
}

/** Sends an inline PING over a raw socket: no client library, no retries, answer within `timeoutMs`. */
export function pingRedis(port: number, host = "127.0.0.1", timeoutMs = 500): Promise<PingResult> {
  return new Promise((resolve) => {
    let connected = false;
    let settled = false;
    let buffer = "";
    const socket = connect({ port, host });
    const finish = (result: PingResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish(connected ? "other" : "none"), timeoutMs);
    socket.on("connect", () => {
      connected = true;
      socket.write("PING\r\n");
    });
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      const end = buffer.indexOf("\r\n");
      if (end < 0) return;
      const line = buffer.slice(0, end);
      finish(line === "+PONG" ? "pong" : line.startsWith("-LOADING") ? "loading" : "other");
    });
    socket.on("error", () => finish(connected ? "other" : "none"));
    socket.on("close", () => finish(connected ? "other" : "none"));
  });
}

function waitForPong(port: number): Promise<true> {
  return waitFor(async () => ((await pingRedis(port)) === "pong" ? true : undefined), {
    timeoutMs: START_TIMEOUT_MS,
    what: `Redis on port ${port} to answer PING`,
  });
}

function portTakenError(port: number): Error {
  return new Error(
    `Port ${port} is in use by something that does not answer Redis PING without a password: stop it, pass another port, or set REDIS_URL.`,
  );
}

async function spawnRedis(binary: string, port: number, dir: string, log: (msg: string) => void): Promise<RedisHandle> {
  await mkdir(dir, { recursive: true });
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "60", "1"];
  args.push("--appendonly", "no", "--daemonize", "no");
  const child = spawn(binary, args, { detached: false, stdio: ["ignore", "pipe", "pipe"] });
  const tail = new LineTail();
  child.stdout.on("data", (chunk: Buffer) => tail.push(chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => tail.push(chunk.toString("utf8")));

  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  let started = false;
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      process.off("exit", killOnParentExit);
      if (started && !stopping)
        log(`redis-server (port ${port}) exited unexpectedly (code ${code}, signal ${signal}):\n${tail.text()}`);
      resolve();
    });
    child.once("error", (err) => {
      spawnError = err;
      process.off("exit", killOnParentExit);
      resolve();
    });
  });
  // A non-detached child still outlives a parent that calls process.exit(); Ctrl-C reaches it through the group.
  function killOnParentExit(): void {
    child.kill("SIGTERM");
  }
  process.on("exit", killOnParentExit);

  const stop = async (): Promise<void> => {
    stopping = true;
    await terminate(child, exited, () => exit !== undefined || spawnError !== undefined);
  };

  try {
    await waitFor(
      async () => {
        if (spawnError) throw spawnError;
        if (exit) throw new Error(`redis-server exited with code ${exit.code} (signal ${exit.signal})`);
        return (await pingRedis(port)) === "pong" ? true : undefined;
      },
      { timeoutMs: START_TIMEOUT_MS, intervalMs: 50, what: `redis-server to answer PING on port ${port}` },
    );
  } catch (err) {
    await stop();
    // Another launcher may have won the race for the port: its server is as good as ours.
    if ((await pingRedis(port)) === "pong") return { url: redisUrl(port), spawned: false, stop: noop };
    throw new Error(`Could not start ${binary} on port ${port}: ${errorMessage(err)}\n${tail.text()}`, { cause: err });
  }
  started = true;
  return { url: redisUrl(port), spawned: true, stop };
}

async function terminate(child: ChildProcess, exited: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return;
  child.kill("SIGTERM");
  // SIGTERM makes Redis save its dump first; only a wedged server needs SIGKILL.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_TIMEOUT_MS)))]);
  clearTimeout(timer);
  if (!hasExited()) {
    child.kill("SIGKILL");
    await exited;
  }
}

async function installRedis(log: (msg: string) => void): Promise<void> {
  const aptGet = await findExecutable("apt-get", BINARY_DIRS);
  if (!aptGet) throw new Error(REDIS_REQUIRED_MESSAGE);
  let prefix: string[];
  if (process.getuid?.() === 0) prefix = [];
  else if ((await run("sudo", ["-n", "true"])).code === 0) prefix = ["sudo", "-n"];
  else throw new Error(REDIS_REQUIRED_MESSAGE);

  log("Installing Debian's redis-server (apt-get)…");
  const apt = (...aptArgs: string[]) => {
    // env(1) because sudo resets the environment; noninteractive keeps debconf from waiting for a terminal.
    const argv = [...prefix, "env", "DEBIAN_FRONTEND=noninteractive", aptGet, ...aptArgs];
    return run(argv[0] ?? "env", argv.slice(1));
  };
  let result = await apt("install", "-y", "redis-server");
  if (result.code !== 0) {
    // Fresh images often have no package lists yet.
    await apt("update");
    result = await apt("install", "-y", "redis-server");
  }
  if (result.code !== 0) {
    const output = result.output.trim().split("\n").slice(-15).join("\n");
    log(`apt-get install redis-server failed:\n${output}`);
    throw new Error(REDIS_REQUIRED_MESSAGE, { cause: new Error(output) });
  }
}
