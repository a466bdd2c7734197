// `pnpm bench:timers`: BENCH_TIMERS (default 100,000) timers due uniformly within BENCH_SPREAD_S (default 60) seconds,
// fired by the real worker (apps/worker startWorker) in a child process with the claim + outbox-insert handler, in
// three scenarios: steady; the worker SIGKILLed at 40 % and replaced; every Redis key of the run deleted at 40 %.
// Reports firing lateness (fired_at - due_at), throughput and an exactly-once check per scenario. Uses DATABASE_URL /
// REDIS_URL (owner connection; creates and reuses a database named atende_bench_timers, left for inspection).
// Knobs: BENCH_LEAD_S (20), BENCH_STALL_S (20), BENCH_SCENARIOS (steady,kill,redis), BENCH_SWEEP_EVERY_MS (2000),
// BENCH_CLAIM_AFTER_MS (2000, the sweep's default), BENCH_WORKER_LOG_LEVEL (info), BENCH_WORKER_CPU_PROF (a directory for V8 profiles),
// BENCH_TIMERS_CONCURRENCY (the worker's timers concurrency; its default otherwise).
// Opt-in scenario `sla` (BENCH_SCENARIOS=sla): BENCH_SLA_TIMERS (default 10,000) sla-warning timers, each behind an open
// ticket with a running first-response clock, fired by the worker's production handlers (one Prisma transaction
// per timer); checked by the handler's work: one sla.warning ticket event per ticket and every clock marked warned.
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { appDatabaseUrl, createDb, ensureAppRole, ensureDatabase, migrate, withDatabase, withTenant } from "@atende/db";
import { MAINTENANCE_JOBS, QUEUES } from "@atende/jobs";
import { DEFAULT_TIMERS_CONCURRENCY } from "../apps/worker/src/timers.worker";
import { killAllChildren, startWorkerChild, type WorkerChild } from "./bench-timers/child";
import { describeSummary, mergeSummaries, summariseLog } from "./bench-timers/logs";
import { backlogAt, firedCount, firstFiredAfter, lateness, overdueCount, type Lateness } from "./bench-timers/measure";
import { deleteKeys, redisInfo } from "./bench-timers/redis";
import { scheduleBatch, type Batch } from "./bench-timers/schedule";
import { benchWorkload, slaWorkload, type Check, type Workload } from "./bench-timers/workload";

function numberEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return value;
}

const TOTAL = Math.floor(numberEnv("BENCH_TIMERS", 100_000, 1));
const SLA_TOTAL = Math.floor(numberEnv("BENCH_SLA_TIMERS", 10_000, 1));
const SPREAD_MS = numberEnv("BENCH_SPREAD_S", 60, 0) * 1000;
const LEAD_MS = numberEnv("BENCH_LEAD_S", 20, 1) * 1000;
/** With nothing fired for this long while timers are overdue by as much, a scenario is declared stalled. */
const STALL_MS = numberEnv("BENCH_STALL_S", 20, 5) * 1000;
const DISRUPT_AT = 0.4;
const SWEEP_EVERY_MS = numberEnv("BENCH_SWEEP_EVERY_MS", 2_000, 100);
const CLAIM_AFTER_MS = numberEnv("BENCH_CLAIM_AFTER_MS", 2_000, 0);
const RECOVERY_TARGET_MS = 10_000;
const LATENESS_TARGET_MS = 250;
const POLL_MS = 500;
const CONCURRENCY = Math.floor(numberEnv("BENCH_TIMERS_CONCURRENCY", DEFAULT_TIMERS_CONCURRENCY, 1));
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? "steady,kill,redis").split(",").map((s) => s.trim());

const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ownerUrl = withDatabase(server, "atende_bench_timers");
const appUrl = appDatabaseUrl(ownerUrl);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const runId = `bt${Date.now()}`;
const logDir = path.join(os.tmpdir(), `bench-timers-${runId}`);
mkdirSync(logDir, { recursive: true });

process.on("SIGINT", () => {
  killAllChildren();
  process.exit(130);
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "n/a");
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const log = (msg: string): void => console.log(`[${new Date().toISOString().slice(11, 23)}] ${msg}`);

await ensureDatabase(ownerUrl);
await ensureAppRole(ownerUrl);
await migrate(ownerUrl);
const sql = new pg.Client({ connectionString: ownerUrl });
await sql.connect();
const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
const db = createDb({ connectionString: appUrl, max: 4 });

type Row = { key: string; scenario: string; total: number; lat: Lateness; once: Check; notes: string[] };

type Ctx = {
  key: string;
  tenantId: string;
  prefix: string;
  batch: Batch;
  children: WorkerChild[];
  startChild: () => Promise<WorkerChild>;
};

type Watch = { reached: boolean; fired: number; overdue: number };

/**
 * Polls the fired count until `until` holds, or until nothing has fired for STALL_MS while some timer is overdue by
 * at least that much: a worker that is only slow keeps making progress, one that cannot repair does not.
 */
async function watch(ctx: Ctx, until: (fired: number) => boolean): Promise<Watch> {
  let last = -1;
  let lastChange = Date.now();
  let lastReport = 0;
  for (;;) {
    const fired = await firedCount(sql, ctx.tenantId);
    const now = Date.now();
    if (until(fired)) return { reached: true, fired, overdue: 0 };
    if (fired !== last) {
      last = fired;
      lastChange = now;
    } else if (now - lastChange > STALL_MS) {
      const overdue = await overdueCount(sql, ctx.tenantId, new Date(now - STALL_MS));
      if (overdue > 0) return { reached: false, fired, overdue };
    }
    if (now - lastReport >= 10_000) {
      lastReport = now;
      log(`${ctx.key}: ${fmt(fired)}/${fmt(ctx.batch.total)} fired`);
    }
    await sleep(POLL_MS);
  }
}

const untilAll = (ctx: Ctx) => (fired: number) => fired >= ctx.batch.total;
const untilShare = (ctx: Ctx) => (fired: number) => fired >= Math.ceil(ctx.batch.total * DISRUPT_AT);

/** Committed and rolled-back transactions in the bench database so far, to show work beyond one claim per timer. */
async function transactions(): Promise<number> {
  await sql.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await sql.query<{ n: string }>(
    "SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()",
  );
  return Number(rows[0]?.n ?? Number.NaN);
}

async function createTenant(slug: string): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    "INSERT INTO tenants (id, slug, name) VALUES (gen_random_uuid(), $1, $2) RETURNING id",
    [slug, `Timers bench ${slug}`],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("tenant insert returned no id");
  return id;
}

/** A crashed earlier run may have left scheduled timers, which this run's sweeps would otherwise fire. */
async function cancelLeftovers(): Promise<number> {
  const { rows } = await sql.query<{ id: string }>("SELECT id FROM tenants WHERE slug LIKE 'bench-timers-%'");
  let cancelled = 0;
  for (const { id } of rows) {
    await sql.query("SELECT set_config('app.tenant_id', $1, false)", [id]);
    const result = await sql.query(
      "UPDATE timers SET status = 'cancelled', generation = generation + 1 WHERE tenant_id = $1 AND status = 'scheduled'",
      [id],
    );
    cancelled += result.rowCount ?? 0;
  }
  return cancelled;
}

async function runScenario(
  key: string,
  title: string,
  body: (ctx: Ctx) => Promise<string[]>,
  workload: Workload,
): Promise<Row> {
  const { total } = workload;
  log(`${title}: ${fmt(total)} timers due within ${secs(SPREAD_MS)}, first due in ${secs(LEAD_MS)}`);
  const tenantId = await createTenant(`bench-timers-${runId}-${key}`);
  await sql.query("SELECT set_config('app.tenant_id', $1, false)", [tenantId]);
  const seeded = await workload.seed(sql, tenantId);
  for (const note of seeded) log(`${key}: ${note}`);
  // Opens the producer's pool before the clock starts, so the first chunk's markEnqueued is not timed cold.
  await withTenant(db, tenantId, (tx) => tx.$executeRaw`SELECT 1`);
  const prefix = `${runId}${key}`;
  const queue = new Queue(QUEUES.timers, { connection: redis, prefix });
  const children: WorkerChild[] = [];
  const ctx: Ctx = {
    key,
    tenantId,
    prefix,
    batch: { tenantId, total, firstDue: new Date(), spreadMs: SPREAD_MS },
    children,
    startChild: async () => {
      const child = await startWorkerChild({
        databaseUrl: appUrl,
        redisUrl,
        prefix,
        sweepEveryMs: SWEEP_EVERY_MS,
        claimAfterMs: CLAIM_AFTER_MS,
        concurrency: CONCURRENCY,
        handlers: workload.handlers,
        logFile: path.join(logDir, `${key}-${children.length + 1}.log`),
      });
      children.push(child);
      return child;
    },
  };
  try {
    const first = await ctx.startChild();
    log(`${key}: worker ${first.pid} ready after ${secs(first.readyAt - first.spawnedAt)}`);
    ctx.batch.firstDue = new Date(Date.now() + LEAD_MS);
    const scheduled = await scheduleBatch(sql, db, queue, ctx.batch, workload.timers(`${runId}-${key}`));
    const overrun = scheduled.doneAt - ctx.batch.firstDue.getTime();
    const rate = (ms: number): string => `${fmt((total / ms) * 1000)}/s`;
    const notes = [
      ...seeded,
      `scheduled in ${secs(scheduled.insertMs + scheduled.enqueueMs + scheduled.markMs)} (insert ${rate(scheduled.insertMs)}, ` +
        `wake-ups ${rate(scheduled.enqueueMs)}, markEnqueued ${rate(scheduled.markMs)})` +
        (overrun > 0 ? `, finishing ${secs(overrun)} after the first due time` : ""),
    ];
    log(`${key}: ${notes[notes.length - 1] ?? ""}`);
    const xactBefore = await transactions();
    notes.push(...(await body(ctx)));
    const xacts = (await transactions()) - xactBefore;
    const lat = await lateness(sql, tenantId);
    const once = await workload.check(sql, tenantId, lat);
    notes.push(
      `peak ${fmt(lat.peakPerSecond)} fired/s`,
      ...once.notes,
      `${(xacts / total).toFixed(2)} database transactions per timer`,
    );
    for (const child of children) await child.stop();
    const cpu = children.map((c) => c.cpuMs());
    if (cpu.every((ms) => ms !== undefined)) {
      const cpuTotal = cpu.reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
      notes.push(`worker CPU ${secs(cpuTotal)} = ${((cpuTotal / total) * 1000).toFixed(0)} ms per 1,000 timers`);
    }
    notes.push(describeSummary(mergeSummaries(await Promise.all(children.map((c) => summariseLog(c.logFile))))));
    return { key, scenario: title, total, lat, once, notes };
  } finally {
    for (const child of children) await child.stop();
    await queue.close();
    await deleteKeys(redis, prefix);
  }
}

async function steady(ctx: Ctx): Promise<string[]> {
  const done = await watch(ctx, untilAll(ctx));
  return done.reached ? [] : [`STALLED with ${fmt(done.overdue)} timers overdue by ${secs(STALL_MS)}`];
}

async function killed(ctx: Ctx): Promise<string[]> {
  const notes: string[] = [];
  const before = await watch(ctx, untilShare(ctx));
  const victim = ctx.children[0];
  if (!victim) throw new Error("no worker to kill");
  const killedAt = Date.now();
  victim.kill();
  await victim.exited;
  const firedAtKill = await firedCount(sql, ctx.tenantId);
  log(`${ctx.key}: SIGKILLed worker ${victim.pid} with ${fmt(firedAtKill)} fired`);
  const replacement = await ctx.startChild();
  log(`${ctx.key}: replacement ${replacement.pid} ready after ${secs(replacement.readyAt - killedAt)}`);
  const done = await watch(ctx, untilAll(ctx));
  const next = await firstFiredAfter(sql, ctx.tenantId, new Date(killedAt));
  const gap = next ? next.getTime() - killedAt : Number.NaN;
  const backlog = await backlogAt(sql, ctx.tenantId, new Date(killedAt));
  notes.push(
    `SIGKILL at ${((firedAtKill / TOTAL) * 100).toFixed(1)} % fired${before.reached ? "" : " (after a stall)"}; ` +
      `replacement worker ready +${secs(replacement.readyAt - killedAt)} (process start)`,
    `first fire after the kill +${secs(gap)} (target <= ${secs(RECOVERY_TARGET_MS)}: ${gap <= RECOVERY_TARGET_MS ? "met" : "MISSED"}); ` +
      `${fmt(backlog.count)} timers due by the kill but unfired then, all fired by ` +
      (backlog.clearedAt ? `+${secs(backlog.clearedAt.getTime() - killedAt)}` : "n/a"),
  );
  if (!done.reached) notes.push(`STALLED with ${fmt(done.overdue)} timers overdue by ${secs(STALL_MS)}`);
  return notes;
}

async function redisLoss(ctx: Ctx): Promise<string[]> {
  const notes: string[] = [];
  await watch(ctx, untilShare(ctx));
  const deleteStart = Date.now();
  const deleted = await deleteKeys(redis, ctx.prefix);
  const deletedAt = Date.now();
  const firedAtDelete = await firedCount(sql, ctx.tenantId);
  log(`${ctx.key}: deleted ${fmt(deleted)} keys in ${deletedAt - deleteStart} ms with ${fmt(firedAtDelete)} fired`);
  notes.push(
    `deleted ${fmt(deleted)} keys under the prefix at ${((firedAtDelete / TOTAL) * 100).toFixed(1)} % fired ` +
      `(${deletedAt - deleteStart} ms)`,
  );
  const done = await watch(ctx, untilAll(ctx));
  if (done.reached) {
    const lat = await lateness(sql, ctx.tenantId);
    const last = lat.lastFired?.getTime() ?? Number.NaN;
    const next = await firstFiredAfter(sql, ctx.tenantId, new Date(deletedAt));
    notes.push(
      `first fire after the deletion +${secs((next?.getTime() ?? Number.NaN) - deletedAt)}; all fired ` +
        `+${secs(last - deletedAt)} after the deletion (${secs(last - (lat.lastDue?.getTime() ?? Number.NaN))} after the last due time)`,
    );
    return notes;
  }
  const schedulerKey = `${ctx.prefix}:${QUEUES.maintenance}:repeat`;
  const scheduler = await redis.zscore(schedulerKey, MAINTENANCE_JOBS.sweepTimers);
  notes.push(
    `REPAIR STALLED: nothing fired for ${secs(STALL_MS)} with ${fmt(done.overdue)} timers overdue by that much ` +
      `(${fmt(done.fired)}/${fmt(TOTAL)} fired); sweep job scheduler in Redis: ${scheduler === null ? "gone" : "present"}`,
  );
  log(`${ctx.key}: ${notes[notes.length - 1]}; restarting the worker, which re-declares the sweep schedulers`);
  const stale = ctx.children[ctx.children.length - 1];
  const restartAt = Date.now();
  await stale?.stop();
  const restarted = await ctx.startChild();
  const after = await watch(ctx, untilAll(ctx));
  const lat = await lateness(sql, ctx.tenantId);
  const last = lat.lastFired?.getTime() ?? Number.NaN;
  notes.push(
    `after a worker restart (ready +${secs(restarted.readyAt - restartAt)}): ` +
      (after.reached
        ? `all fired +${secs(last - restartAt)} after the restart`
        : `STILL STALLED with ${fmt(after.overdue)} overdue`),
  );
  return notes;
}

const scenarios: Record<string, { title: string; body: (ctx: Ctx) => Promise<string[]>; workload?: Workload }> = {
  steady: { title: "A. steady", body: steady },
  kill: { title: "B. worker SIGKILLed at 40 %", body: killed },
  redis: { title: "C. Redis keys deleted at 40 %", body: redisLoss },
  // Opt-in only (not in the default BENCH_SCENARIOS).
  sla: { title: "D. production sla-warning handler, steady", body: steady, workload: slaWorkload(SLA_TOTAL) },
};

const loadStart = os.loadavg();
const info = await redisInfo(redis);
const pgVersion = (await sql.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?";
const cpus = os.cpus();
const rows: Row[] = [];
try {
  const leftovers = await cancelLeftovers();
  if (leftovers > 0) log(`cancelled ${fmt(leftovers)} timers left scheduled by earlier runs`);
  for (const key of SCENARIOS) {
    const scenario = scenarios[key];
    if (!scenario)
      throw new Error(`unknown scenario "${key}" in BENCH_SCENARIOS (use ${Object.keys(scenarios).join(",")})`);
    rows.push(await runScenario(key, scenario.title, scenario.body, scenario.workload ?? benchWorkload(TOTAL)));
  }

  const loadEnd = os.loadavg();
  console.log();
  console.log(
    `machine: ${cpus.length} x ${cpus[0]?.model ?? "cpu"}, ${fmt(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, ` +
      `Node ${process.version}; Redis ${info.version} (hz ${info.hz}); PostgreSQL ${pgVersion}; ` +
      `load average ${loadStart.map((l) => l.toFixed(2)).join(" ")} at start, ${loadEnd.map((l) => l.toFixed(2)).join(" ")} at end`,
  );
  if (rows.some((r) => r.key !== "sla"))
    console.log(
      `setup: ${fmt(TOTAL)} session-expiry timers per scenario, due uniformly over ${secs(SPREAD_MS)} starting ${secs(LEAD_MS)} ` +
        `after scheduling; one worker process (timers concurrency ${CONCURRENCY}, pg pool 10), sweep every ` +
        `${secs(SWEEP_EVERY_MS)}, claimAfterMs ${CLAIM_AFTER_MS}; handler = raw claim + outbox insert in one transaction, ` +
        `one wake-up job per tenant and 10 ms slot, each firing the due timers in claimed batches (createDueTimerFirer); ` +
        `lateness = fired_at - due_at`,
    );
  if (rows.some((r) => r.key === "sla"))
    console.log(
      `setup (sla): ${fmt(SLA_TOTAL)} sla-warning timers, each behind an open ticket with a running first-response ` +
        `clock, due uniformly over ${secs(SPREAD_MS)} starting ${secs(LEAD_MS)} after scheduling; one worker process ` +
        `(timers concurrency ${CONCURRENCY}, pg pool 10), sweep every ${secs(SWEEP_EVERY_MS)}, claimAfterMs ` +
        `${CLAIM_AFTER_MS}; production handlers (createTimerHandlers, log mailer): the raw sla-warning handler locks ` +
        `the ticket and reads the clock, then marks it warned and records the event, in the batch transactions of ` +
        `the tenant's wake-ups (createDueTimerFirer); lateness = fired_at - due_at`,
    );
  console.log();
  console.log("| scenario | timers | lateness p50 ms | p99 ms | max ms | throughput/s | exactly once | notes |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows) {
    const { lat, once } = row;
    const spanMs = (lat.lastFired?.getTime() ?? Number.NaN) - (lat.firstDue?.getTime() ?? Number.NaN);
    const throughput = (lat.fired / spanMs) * 1000;
    console.log(
      `| ${row.scenario} | ${fmt(row.total)} | ${fmt(lat.p50)} | ${fmt(lat.p99)} | ${fmt(lat.max)} | ${fmt(throughput)} | ` +
        `${once.cell} | ${row.notes.join("; ")} |`,
    );
  }
  for (const key of ["steady", "sla"]) {
    const row = rows.find((r) => r.key === key);
    if (!row) continue;
    const met = row.lat.p99 < LATENESS_TARGET_MS;
    console.log(
      `\ntarget lateness p99 < ${LATENESS_TARGET_MS} ms (${key}): ${met ? "met" : "MISSED"} (${fmt(row.lat.p99)} ms)`,
    );
  }
  console.log(
    `\ndatabase atende_bench_timers left for inspection (tenants bench-timers-${runId}-*); worker logs in ${logDir}; ` +
      `Redis keys of this run deleted`,
  );
} finally {
  killAllChildren();
  await sql.end();
  await db.$disconnect();
  redis.disconnect();
}
