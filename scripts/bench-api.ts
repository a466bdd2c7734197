// `pnpm bench:api`: autocannon against a running server (BENCH_URL, default http://localhost:3000) for /health,
// sign-in and an authenticated list. Start the server with the rate limits raised, or most requests measure the 429
// path: LOGIN_RATE_LIMIT_PER_MINUTE=100000000 RATE_LIMIT_PER_MINUTE=100000000 npm start
import os from "node:os";
import autocannon from "autocannon";

const base = process.env.BENCH_URL ?? "http://localhost:3000";
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const credentials = {
  email: process.env.BENCH_EMAIL ?? "admin@demo.test",
  password: process.env.BENCH_PASSWORD ?? "Demo-2026!",
};

type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };

type Target = { path: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };

async function bench(name: string, target: Target): Promise<Row> {
  const { path, ...rest } = target;
  const result = await autocannon({ url: `${base}${path}`, duration, connections, ...rest });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function signIn(): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

const cookie = await signIn();
const rows = [
  await bench("GET /health", { path: "/health" }),
  await bench("POST /api/v1/auth/login", {
    path: "/api/v1/auth/login",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  }),
  await bench("GET /api/v1/audit?limit=50", { path: "/api/v1/audit?limit=50", headers: { cookie } }),
  await bench("GET /api/v1/business-units", { path: "/api/v1/business-units", headers: { cookie } }),
];
console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`${connections} connections, ${duration} s each`);
console.log("| endpoint | req/s | p50 ms | p99 ms | non-2xx | errors |\n|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
