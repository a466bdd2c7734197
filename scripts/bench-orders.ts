// `pnpm bench:orders`: 100,000 existing projects (with one job each) in one tenant, then orders through the inbound
// API (each becomes jobs grouped into a project) and the project-list search, 16 concurrent clients each, through the
// real HTTP API. Uses DATABASE_URL / REDIS_URL (owner connection; creates and reuses a database named atende_bench_orders).
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { appDatabaseUrl, createDb, ensureAppRole, ensureDatabase, migrate, withDatabase, withTenant } from "@atende/db";
import { defaultBuParameters } from "@atende/domain";
import { dispatchTimers, QUEUES } from "@atende/jobs";
import { buildApp } from "../apps/api/src/app";
import { configFromEnv } from "../apps/api/src/config";
import { provisionTenant, upsertUserWithRoles } from "../apps/api/src/seed/provision";

const TOTAL = Number(process.env.BENCH_PROJECTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ownerUrl = withDatabase(server, "atende_bench_orders");
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PASSWORD = "Bench-password-1";

await ensureDatabase(ownerUrl);
await ensureAppRole(ownerUrl);
await migrate(ownerUrl);
const owner = createDb({ connectionString: ownerUrl, max: 2 });
const { id: tenantId } = await provisionTenant(owner, { slug: "bench-orders", name: "Bench orders" });
const { buId, storeId } = await withTenant(owner, tenantId, async (tx) => {
  for (const [email, role] of [
    ["admin@bench.test", "tenant_admin"],
    ["operator@bench.test", "operator"],
  ] as const) {
    await upsertUserWithRoles(tx, {
      tenantId,
      email,
      name: role,
      password: PASSWORD,
      roles: [{ role, buId: null, storeId: null }],
    });
  }
  const bu =
    (await tx.businessUnit.findFirst({ where: { tenantId, code: "BES" } })) ??
    (await tx.businessUnit.create({
      data: {
        tenantId,
        code: "BES",
        name: "Bench ES",
        timezone: "Europe/Madrid",
        locale: "es",
        currency: "EUR",
        country: "ES",
      },
    }));
  if (!(await tx.buParameterSet.findFirst({ where: { tenantId, buId: bu.id } }))) {
    await tx.buParameterSet.create({
      data: { tenantId, buId: bu.id, version: 1, parameters: defaultBuParameters("ES") },
    });
  }
  const store =
    (await tx.store.findFirst({ where: { tenantId, code: "BENCH-01" } })) ??
    (await tx.store.create({
      data: { tenantId, buId: bu.id, code: "BENCH-01", name: "Bench store", postcode: "28001" },
    }));
  for (const [code, profession, specialty] of [
    ["KIT", "carpentry", "kitchen"],
    ["WTP", "carpentry", "kitchen"],
    ["AC", "hvac", "air_conditioning"],
  ] as const) {
    await tx.serviceCode.upsert({
      where: { tenantId_buId_code: { tenantId, buId: bu.id, code } },
      create: {
        tenantId,
        buId: bu.id,
        code,
        label: code,
        profession,
        specialty,
        durationMinutes: 240,
        customerPriceMinor: 10_000,
        providerPriceMinor: 7_000,
        sxType: "installation",
      },
      update: {},
    });
  }
  return { buId: bu.id, storeId: store.id };
});

// Realistic spread: 20 first names x 20 x 20 surnames, scattered DNI-like fiscal ids and mobile numbers.
const FIRST = [
  "Lucía",
  "Hugo",
  "Martina",
  "Mateo",
  "Sofía",
  "Leo",
  "Julia",
  "Daniel",
  "Paula",
  "Pablo",
  "Valeria",
  "Álvaro",
  "Emma",
  "Manuel",
  "Noa",
  "Adrián",
  "Carmen",
  "David",
  "Elena",
  "Javier",
];
const SURNAMES = [
  "García",
  "Rodríguez",
  "González",
  "Fernández",
  "López",
  "Martínez",
  "Sánchez",
  "Pérez",
  "Gómez",
  "Martín",
  "Jiménez",
  "Ruiz",
  "Hernández",
  "Díaz",
  "Moreno",
  "Muñoz",
  "Álvarez",
  "Romero",
  "Alonso",
  "Gutiérrez",
];
const fiscalOf = (n: number) => `${String((n * 7919) % 100_000_000).padStart(8, "0")}${"ABCDEFGHJK"[n % 10]}`;
const phoneOf = (n: number) => `6${String((n * 104_729) % 100_000_000).padStart(8, "0")}`;
const sql = new pg.Client({ connectionString: ownerUrl });
await sql.connect();
await sql.query("SELECT set_config('app.tenant_id', $1, false)", [tenantId]);
const existing = Number(
  (await sql.query("SELECT count(*) FROM projects WHERE tenant_id = $1", [tenantId])).rows[0].count,
);
if (existing < TOTAL) {
  const started = Date.now();
  const customer = await sql.query(
    "INSERT INTO customers (id, tenant_id, name, fiscal_id) VALUES (gen_random_uuid(), $1, 'Bench customers', 'BENCH') RETURNING id",
    [tenantId],
  );
  const order = await sql.query(
    `INSERT INTO orders (id, tenant_id, bu_id, store_id, external_id, customer_id, worksite, contact, product_lines, service_lines, ordered_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, 'BENCH-SEED', $4, '{}', '{}', '[]', '[]', now(), now()) RETURNING id`,
    [tenantId, buId, storeId, customer.rows[0].id],
  );
  const batch = 20_000;
  for (let from = existing + 1; from <= TOTAL; from += batch) {
    const to = Math.min(TOTAL, from + batch - 1);
    await sql.query(
      `WITH c AS (
         SELECT n, ($6::text[])[1 + n % 20] || ' ' || ($7::text[])[1 + (n / 20) % 20] || ' ' || ($7::text[])[1 + (n / 400) % 20] AS name,
           lpad(((n::bigint * 7919) % 100000000)::text, 8, '0') || substr('ABCDEFGHJK', 1 + n % 10, 1) AS fiscal,
           '6' || lpad(((n::bigint * 104729) % 100000000)::text, 8, '0') AS phone
         FROM generate_series($8::int, $9::int) AS n),
       p AS (
         INSERT INTO projects (id, tenant_id, number, bu_id, store_id, customer_id, customer_key, customer_name, customer_fiscal_id,
           customer_phone, postcode, address_key, worksite, status, search_text, created_at, updated_at)
         SELECT gen_random_uuid(), $1, n, $2, $3, $4, 'fiscal:' || fiscal, name, fiscal, '+34 ' || phone,
           lpad((28000 + n % 900)::text, 5, '0'), 'k' || n,
           jsonb_build_object('line1', 'Calle ' || n, 'postcode', lpad((28000 + n % 900)::text, 5, '0'), 'city', 'Madrid'),
           CASE WHEN n % 50 = 0 THEN 'cancelled' WHEN n % 3 = 0 THEN 'ongoing' ELSE 'new' END,
           lower(translate(name, 'ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun')) || ' ' || lower(fiscal) || ' 34' || phone || ' ' || phone,
           now() - ((n % 730) || ' days')::interval, now()
         FROM c RETURNING id, number)
       INSERT INTO jobs (id, tenant_id, number, project_id, order_id, bu_id, store_id, type, status, profession, specialty, services,
         products, duration_minutes, original_duration_minutes, planned_date, earliest_date, worksite, contact, updated_at)
       SELECT gen_random_uuid(), $1, p.number, p.id, $5, $2, $3, 'installation',
         CASE WHEN p.number % 50 = 0 THEN 'cancelled' WHEN p.number % 3 = 0 THEN 'scheduled' ELSE 'pre_scheduled' END,
         'carpentry', 'kitchen', '[{"code":"KIT"}]', '[]', 240, 240, current_date + (p.number % 90), current_date, '{}', '{}', now()
       FROM p`,
      [tenantId, buId, storeId, customer.rows[0].id, order.rows[0].id, FIRST, SURNAMES, from, to],
    );
    process.stdout.write(`\rseeded ${to.toLocaleString()} projects`);
  }
  for (const kind of ["project", "job"]) {
    await sql.query(
      `INSERT INTO execution_counters (tenant_id, kind, last_number) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, kind) DO UPDATE SET last_number = $3`,
      [tenantId, kind, TOTAL],
    );
  }
  // As autovacuum would after a bulk load: flushes the search index's pending list, which every search scans otherwise.
  await sql.query("VACUUM ANALYZE projects");
  await sql.query("VACUUM ANALYZE jobs");
  console.log(`\nseeding took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
await sql.end();

const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
const db = createDb({ connectionString: appDatabaseUrl(ownerUrl), max: 16 });
const timersQueue = new Queue(QUEUES.timers, { connection: redis, prefix: "bench-orders" });
const config = {
  ...configFromEnv(
    {},
    { databaseUrl: ownerUrl, appDatabaseUrl: appDatabaseUrl(ownerUrl), redisUrl, sessionSecret: "bench" },
  ),
  redisPrefix: "bench-orders",
  storageDir: ".data/bench-storage",
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

async function signIn(email: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return {
    cookie: res.headers.get("set-cookie")!.split(";")[0]!,
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}
const admin = await signIn("admin@bench.test");
const tokenRes = await fetch(`${base}/api/v1/api-tokens`, {
  method: "POST",
  headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
  body: JSON.stringify({ name: `bench ${Date.now()}`, scopes: ["orders:write"] }),
});
const token = ((await tokenRes.json()) as { token: string }).token;
const operator = await signIn("operator@bench.test");

// BENCH_ONLY (a regular expression) runs only the operations whose title matches it.
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
async function run(title: string, opts: autocannon.Options) {
  if (only && !only.test(title)) return;
  // Two unrecorded seconds first, so the figures are the steady state rather than the JIT's and the pool's warm-up.
  await autocannon({ connections: 16, duration: Number(process.env.BENCH_WARMUP_SECONDS ?? 2), ...opts });
  // Plain requests are fired from a worker thread, so the load generator does not share the API's event loop (it would
  // add its own CPU time to every measured latency); requests built per call need a function, which stays here.
  const workers = opts.requests || !process.env.BENCH_WORKERS ? undefined : Number(process.env.BENCH_WORKERS);
  const r = await autocannon({
    connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
    duration: SECONDS,
    workers,
    ...opts,
  });
  console.log(`| ${title} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |`);
}

console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; ${TOTAL.toLocaleString()} projects`,
);
console.log("| operation (16 clients) | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|");
let sequence = 0;
const runId = Date.now().toString(36);
await run("inbound order -> 2 jobs in a new project", {
  url: `${base}/api/v1/orders`,
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  requests: [
    {
      setupRequest: (request) => {
        sequence++;
        return {
          ...request,
          body: JSON.stringify({
            orderId: `BENCH-${runId}-${sequence}`,
            storeCode: "BENCH-01",
            seller: { id: "S-1", name: "Bench seller" },
            customer: {
              fiscalId: `N${runId}${sequence}`,
              name: `Nuevo ${sequence} García`,
              email: `c${sequence}@bench.test`,
            },
            worksite: { line1: `Avenida ${sequence}`, postcode: "28013", city: "Madrid" },
            products: [{ sku: "OVEN", label: "Oven", quantity: 1, expectedDeliveryDate: "2027-03-05" }],
            services: [
              { code: "KIT", quantity: 1 },
              { code: "WTP", quantity: 1 },
              { code: "AC", quantity: 1 },
            ],
          }),
        };
      },
    },
  ],
});
await run("project list: newest first, 50 rows", {
  url: `${base}/api/v1/projects?limit=50`,
  headers: { cookie: operator.cookie },
});
await run("project search: first name + surname (~250 matches)", {
  url: `${base}/api/v1/projects?q=${encodeURIComponent("Hugo Rodríguez")}&limit=50`,
  headers: { cookie: operator.cookie },
});
await run("project search: one surname (~10 % of projects)", {
  url: `${base}/api/v1/projects?q=${encodeURIComponent("álvarez")}&limit=50`,
  headers: { cookie: operator.cookie },
});
await run("project search: fiscal id", {
  url: `${base}/api/v1/projects?q=${fiscalOf(54_321)}&limit=50`,
  headers: { cookie: operator.cookie },
});
await run("project search: phone digits", {
  url: `${base}/api/v1/projects?q=${encodeURIComponent(phoneOf(54_321))}&limit=50`,
  headers: { cookie: operator.cookie },
});
await run("project list: status ongoing + planned date range", {
  url: `${base}/api/v1/projects?status=ongoing&plannedFrom=2026-12-01&plannedTo=2026-12-31&limit=50`,
  headers: { cookie: operator.cookie },
});
await app.close();
await timersQueue.obliterate({ force: true }).catch(() => undefined);
await timersQueue.close();
await db.$disconnect();
await owner.$disconnect();
redis.disconnect();
