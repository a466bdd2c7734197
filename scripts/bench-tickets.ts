// `pnpm bench:tickets`: 1,000,000 tickets in one tenant, then the queue view (50 rows, open, sorted by next SLA due)
// and ticket creation, each with 16 concurrent clients through the real HTTP API. Uses DATABASE_URL / REDIS_URL
// (owner connection; the benchmark creates and reuses a database named atende_bench).
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { appDatabaseUrl, createDb, ensureAppRole, ensureDatabase, migrate, withDatabase, withTenant } from "@atende/db";
import { dispatchTimers, QUEUES } from "@atende/jobs";
import { buildApp } from "../apps/api/src/app";
import { configFromEnv } from "../apps/api/src/config";
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
  await sql.query(
    "INSERT INTO ticket_counters (tenant_id, last_number) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET last_number = $2",
    [tenantId, TOTAL],
  );
  await sql.query("ANALYZE tickets");
  console.log(`\nseeding took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
await sql.end();

const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
const db = createDb({ connectionString: appDatabaseUrl(ownerUrl), max: 16 });
const timersQueue = new Queue(QUEUES.timers, { connection: redis, prefix: "bench" });
const config = {
  ...configFromEnv(
    {},
    { databaseUrl: ownerUrl, appDatabaseUrl: appDatabaseUrl(ownerUrl), redisUrl, sessionSecret: "bench" },
  ),
  redisPrefix: "bench",
  rateLimitPerMinute: 100_000_000,
  loginRateLimitPerMinute: 100_000_000,
  logLevel: "warn",
};
const app = await buildApp({
  config,
  db,
  redis,
  timersQueue,
  dispatchTimers: (refs) => dispatchTimers(db, timersQueue, refs),
  logger: false,
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
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
  await autocannon({ connections: 16, duration: Number(process.env.BENCH_WARMUP_SECONDS ?? 2), ...opts });
  const r = await autocannon({ connections: 16, duration: Number(process.env.BENCH_SECONDS ?? 10), ...opts });
  console.log(`| ${title} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |`);
}
console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; ${TOTAL.toLocaleString()} tickets`,
);
console.log("| operation (16 clients) | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|");
await run("queue view: open, 50 rows, by next SLA due", {
  url: `${base}/api/v1/tickets?view=open&limit=50`,
  headers: { cookie },
});
await run("queue view: priority high, 50 rows, by next SLA due", {
  url: `${base}/api/v1/tickets?view=open&priority=high&limit=50`,
  headers: { cookie },
});
await run("create ticket: high incident (policy, 3 clocks, 8 timers, e-mail)", {
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
});
await app.close();
await timersQueue.close();
await db.$disconnect();
await owner.$disconnect();
redis.disconnect();
