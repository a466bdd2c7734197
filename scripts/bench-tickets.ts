// `pnpm bench:tickets`: 1,000,000 tickets in one tenant, then the queue view (50 rows, open, sorted by next SLA due)
// and ticket creation, each with 16 concurrent clients through the real HTTP API. Uses DATABASE_URL / REDIS_URL
// (owner connection; the benchmark creates and reuses a database named atende_bench).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import pg from "pg";
import { createDb, ensureAppRole, ensureDatabase, migrate, withDatabase, withTenant } from "@atende/db";
import { provisionTenant, upsertUserWithRoles } from "../apps/api/src/seed/provision";
import { seedServiceDesk } from "../apps/api/src/seed/service-desk-seed";

const TOTAL = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ownerUrl = withDatabase(server, "atende_bench");
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

await ensureDatabase(ownerUrl);
await ensureAppRole(ownerUrl);
await migrate(ownerUrl);
const owner = createDb({ connectionString: ownerUrl, max: 2 });
const { id: tenantId } = await provisionTenant(owner, { slug: "bench", name: "Bench" });
await withTenant(owner, tenantId, (tx) =>
  upsertUserWithRoles(tx, {
    tenantId,
    email: "agent@bench.test",
    name: "Agent",
    password: "Bench-password-1",
    roles: [{ role: "operator", buId: null, storeId: null }],
  }),
);
// The seeds' real SLA policies, calendars and templates, so a creation matches a policy, plans its clocks, schedules
// their timers and escalation levels, and writes the customer's e-mail, as in production.
await withTenant(owner, tenantId, async (tx) => {
  const groupIds: Record<string, string> = {};
  for (const code of ["L1", "L2", "L3", "BACK-OFFICE"]) {
    const group =
      (await tx.group.findFirst({ where: { tenantId, code } })) ??
      (await tx.group.create({ data: { tenantId, code, name: code } }));
    groupIds[code] = group.id;
  }
  await seedServiceDesk(tx, tenantId, { buIds: {}, groupIds });
});

const sql = new pg.Client({ connectionString: ownerUrl });
await sql.connect();
await sql.query("SELECT set_config('app.tenant_id', $1, false)", [tenantId]);
const existing = Number(
  (await sql.query("SELECT count(*) FROM tickets WHERE tenant_id = $1", [tenantId])).rows[0].count,
);
if (existing < TOTAL) {
  const started = Date.now();
  const batch = 100_000;
  for (let from = existing + 1; from <= TOTAL; from += batch) {
    const to = Math.min(TOTAL, from + batch - 1);
    // Realistic spread: 70 % closed, the rest open across statuses, priorities and groups, due dates over two weeks.
    await sql.query(
      `INSERT INTO tickets (id, tenant_id, number, subject, description, channel, proposed_type, proposed_priority, type, priority,
         status, tags, next_due_at, breached, created_at, updated_at)
       SELECT gen_random_uuid(), $1, n, 'Ticket ' || n || ' printer network outage', 'Description of case ' || n,
         (ARRAY['phone','email','portal','whatsapp'])[1 + n % 4], 'incident', (ARRAY['high','medium','low'])[1 + n % 3],
         'incident', (ARRAY['high','medium','low'])[1 + n % 3],
         CASE WHEN n % 10 < 7 THEN 'closed' ELSE (ARRAY['new','open','in_progress','pending'])[1 + n % 4] END,
         '{}', CASE WHEN n % 10 < 7 THEN NULL ELSE now() + ((n % 20160) || ' minutes')::interval END,
         n % 50 = 0, now() - ((n % 525600) || ' minutes')::interval, now()
       FROM generate_series($2::int, $3::int) AS n`,
      [tenantId, from, to],
    );
    process.stdout.write(`\rseeded ${to.toLocaleString()} tickets`);
  }
  await sql.query("SELECT setval(app_ticket_number_sequence($1::uuid), $2)", [tenantId, TOTAL]);
  await sql.query("ANALYZE tickets");
  console.log(`\nseeding took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
// Every run measures the 1,000,000 seeded tickets: the tickets earlier runs created, with their clocks, timers,
// events, e-mails and jobs, go first. BENCH_KEEP_EARLIER_RUNS=1 keeps them, to measure a database that has grown.
if (!process.env.BENCH_KEEP_EARLIER_RUNS) await removeEarlierRuns(sql);
await sql.end();

// The API runs as in production (`node --import tsx apps/api/src/server.ts`) in a process of its own: sharing one
// event loop with the load generator would charge the server for parsing every response autocannon reads.
const port = await freePort();
// BENCH_API_NODE_ARGS passes flags to the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? "").split(" ").filter(Boolean);
const api = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "apps/api/src/server.ts"], {
  env: {
    ...process.env,
    DATABASE_URL: ownerUrl,
    REDIS_URL: redisUrl,
    SESSION_SECRET: "bench",
    REDIS_PREFIX: "bench",
    RATE_LIMIT_PER_MINUTE: "100000000",
    LOGIN_RATE_LIMIT_PER_MINUTE: "100000000",
    LOG_LEVEL: "warn",
    DATABASE_POOL_SIZE: process.env.BENCH_API_POOL_SIZE ?? "16",
    HOST: "127.0.0.1",
    PORT: String(port),
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
await waitForHealth(base);
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "agent@bench.test", password: "Bench-password-1" }),
});
const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;

// BENCH_ONLY (a regular expression) runs only the operations whose title matches it.
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
async function run(title: string, opts: autocannon.Options) {
  if (only && !only.test(title)) return;
  // Two unrecorded seconds first, so the figures are the steady state rather than the JIT's and the pool's warm-up.
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
  await autocannon({ connections, duration: Number(process.env.BENCH_WARMUP_SECONDS ?? 2), ...opts });
  const busyBefore = machineBusyMs();
  const splitBefore = cpuSplitMs();
  const r = await autocannon({ connections, duration: Number(process.env.BENCH_SECONDS ?? 10), ...opts });
  const busy = machineBusyMs() - busyBefore;
  const split = cpuSplitMs();
  const per = (ms: number) => (r.requests.total > 0 && ms >= 0 ? (ms / r.requests.total).toFixed(2) : "n/a");
  const parts = (["api", "postgres", "redis"] as const).map((k) => per(split[k] - splitBefore[k])).join(" / ");
  console.log(
    `| ${title} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${per(busy)} | ${parts} |`,
  );
}
console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; ${TOTAL.toLocaleString()} tickets`,
);
console.log(
  "| operation (16 clients) | req/s | p50 ms | p99 ms | non-2xx | machine CPU ms/request | API / PostgreSQL / Redis CPU ms/request |\n|---|---|---|---|---|---|---|",
);
await run("queue view: open, 50 rows, by next SLA due", {
  url: `${base}/api/v1/tickets?view=open&limit=50`,
  headers: { cookie },
});
await run("queue view: priority high, 50 rows, by next SLA due", {
  url: `${base}/api/v1/tickets?view=open&priority=high&limit=50`,
  headers: { cookie },
});
const createTicket: autocannon.Options = {
  url: `${base}/api/v1/tickets`,
  method: "POST",
  headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
  body: JSON.stringify({
    subject: "Bench",
    description: "Created by the benchmark",
    channel: "phone",
    type: "incident",
    priority: "high",
    requesterEmail: "customer@bench.test",
  }),
};
await run("create ticket: high incident (policy, 3 clocks, 8 timers, e-mail)", createTicket);
// The same 16 clients at a steady pace rather than as fast as the server answers: the figure above is latency at
// saturation, which in a closed loop is the queue (clients / throughput); this one is a creation's own latency.
const pace = Number(process.env.BENCH_CREATE_RATE ?? 150);
await run(`create ticket: the same, 16 clients at ${pace} creations/s in all`, { ...createTicket, overallRate: pace });
api.kill("SIGTERM");
await once(api, "exit");
await owner.$disconnect();

/**
 * CPU time the whole machine spent so far (every process: API, PostgreSQL, Redis and the load generator), from
 * /proc/stat; -1 where there is none. Divided by the requests it gives a cost per operation that, unlike latency, the
 * machine's other tenants disturb little.
 */
function machineBusyMs(): number {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
    // /proc/stat counts in USER_HZ, 100 a second on Linux whatever the kernel's tick.
    return (user + nice + system + irq + softirq) * 10;
  } catch {
    return -1;
  }
}

/**
 * CPU time so far of the API process, of all PostgreSQL processes and of Redis, from /proc (-1 where there is none):
 * unlike the machine's figure, it tells which part a change moved, and other work on the machine disturbs it less.
 */
function cpuSplitMs(): { api: number; postgres: number; redis: number } {
  const split = { api: 0, postgres: 0, redis: 0 };
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return { api: -1, postgres: -1, redis: -1 };
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // the process ended meanwhile
    }
    const close = stat.lastIndexOf(")");
    const command = stat.slice(stat.indexOf("(") + 1, close);
    // Fields after the command: state is the first, utime and stime the 12th and 13th; in USER_HZ (100 a second).
    const fields = stat.slice(close + 2).split(" ");
    const ms = (Number(fields[11]) + Number(fields[12])) * 10;
    if (Number(pid) === api.pid) split.api += ms;
    else if (command === "postgres") split.postgres += ms;
    else if (command === "redis-server") split.redis += ms;
  }
  return split;
}

async function removeEarlierRuns(client: pg.Client): Promise<void> {
  const started = Date.now();
  const children = ["timers", "sla_clocks", "ticket_events", "ticket_messages", "outbox"];
  // The history is append-only by trigger; a superuser session may set triggers aside for this cleanup.
  const asReplica = await client.query("SET session_replication_role = replica").then(
    () => true,
    () => false,
  );
  if (!asReplica) {
    console.log("not removing earlier runs' tickets: that needs a superuser DATABASE_URL");
    return;
  }
  for (const table of children) await client.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
  const removed = await client.query("DELETE FROM tickets WHERE tenant_id = $1 AND number > $2", [tenantId, TOTAL]);
  await client.query("SET session_replication_role = DEFAULT");
  await client.query("SELECT setval(app_ticket_number_sequence($1::uuid), $2)", [tenantId, TOTAL]);
  // Vacuumed and checkpointed now, so neither the cleanup's dead rows nor its dirty pages land in the measurement.
  await client.query(`VACUUM ANALYZE tickets, ${children.join(", ")}`);
  await client.query("CHECKPOINT").catch(() => undefined);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", "bench:*", "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  redis.disconnect();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`removed ${removed.rowCount ?? 0} tickets of earlier runs in ${seconds} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode}`);
    const healthy = await fetch(`${url}/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the API did not become healthy within 60 s");
}
