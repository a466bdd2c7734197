import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { PrismaNamespace, withTenant } from "@atende/db";
import type { TJob, TJobDocument, TJobEvent, TOrderCreate, TOrderResult, TSendContractResult } from "@atende/contracts";
import type { RoleAssignment } from "@atende/domain";
import { PASSWORD, login, type Session, type TestApp } from "../app";
import { anOrder, type ExecutionWorld } from "../factories/execution";
import { upsertUserWithRoles } from "../../src/seed/provision";

export const tempStorage = () => mkdtempSync(path.join(tmpdir(), "atende-exec-"));

type Headers = Record<string, string>;

export type Problem = {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
};

export function get(t: TestApp, url: string, headers: Headers = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: "GET", url, headers });
}

export function post(t: TestApp, url: string, headers: Headers, payload?: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: "POST",
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export function put(t: TestApp, url: string, headers: Headers, payload: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: "PUT", url, headers, payload: payload as Record<string, unknown> });
}

/** A problem+json answer with the given status (and code, field path, rule when given). */
export function expectProblem(
  res: LightMyRequestResponse,
  status: number,
  want: { code?: string; path?: string; rule?: string } = {},
): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
  const problem = res.json() as Problem;
  if (want.code) expect(problem.code).toBe(want.code);
  if (want.path) expect((problem.errors ?? []).map((e) => e.path)).toContain(want.path);
  if (want.rule) expect(problem.detail).toContain(`(rule: ${want.rule})`);
  return problem;
}

export function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

export async function createOrder(
  t: TestApp,
  w: ExecutionWorld,
  orderId: string,
  overrides: Partial<TOrderCreate> = {},
): Promise<TOrderResult> {
  return ok<TOrderResult>(await post(t, "/api/v1/orders", w.orders, anOrder(w, orderId, overrides)), 201);
}

/** The job of the order whose services include `code`. */
export async function jobWithCode(t: TestApp, w: ExecutionWorld, order: TOrderResult, code: string): Promise<TJob> {
  const admin = await w.as("operator");
  for (const outcome of order.jobs) {
    const job = await getJob(t, admin, outcome.jobId);
    if (job.services.some((s) => s.code === code)) return job;
  }
  throw new Error(`no job with ${code} in order ${order.orderId}`);
}

export async function getJob(t: TestApp, session: Session, jobId: string): Promise<TJob> {
  return ok<TJob>(await get(t, `/api/v1/jobs/${jobId}`, session.headers));
}

export async function historyOf(t: TestApp, session: Session, jobId: string): Promise<TJobEvent[]> {
  return ok<{ items: TJobEvent[] }>(await get(t, `/api/v1/jobs/${jobId}/history`, session.headers)).items;
}

export async function documentsOf(t: TestApp, session: Session, jobId: string): Promise<TJobDocument[]> {
  return ok<{ items: TJobDocument[] }>(await get(t, `/api/v1/jobs/${jobId}/documents`, session.headers)).items;
}

export async function sendContract(
  t: TestApp,
  session: Session,
  jobId: string,
  channel: "email" | "qr" | "print" = "email",
): Promise<TSendContractResult> {
  return ok<TSendContractResult>(await post(t, `/api/v1/jobs/${jobId}/contract/send`, session.headers, { channel }));
}

/** The link token of a signing URL (…/sign/<token>). */
export function tokenOf(signingUrl: string | null): string {
  const match = /\/sign\/([^/?#]+)$/.exec(signingUrl ?? "");
  if (!match?.[1]) throw new Error(`not a signing URL: ${signingUrl}`);
  return match[1];
}

/** Sets columns of a job directly, for setups the API cannot reach yet (a job in progress, a provider). */
export async function setJob(
  t: TestApp,
  tenantId: string,
  jobId: string,
  data: PrismaNamespace.JobUncheckedUpdateInput,
): Promise<void> {
  await withTenant(t.db, tenantId, (tx) => tx.job.update({ where: { id: jobId }, data }));
}

export type OutboxRow = { kind: string; payload: unknown; createdAt: Date };

export async function outboxOf(t: TestApp, tenantId: string, kind?: string): Promise<OutboxRow[]> {
  return withTenant(t.db, tenantId, (tx) =>
    tx.outbox.findMany({
      where: { tenantId, ...(kind ? { kind } : {}) },
      orderBy: { createdAt: "asc" },
      select: { kind: true, payload: true, createdAt: true },
    }),
  );
}

export type EmailPayload = { to: string[]; subject: string; text: string };
export type WebhookPayload = {
  endpointId: string;
  event: string;
  body: { event: string; data: Record<string, unknown> };
};

export async function emailsOf(t: TestApp, tenantId: string): Promise<EmailPayload[]> {
  return (await outboxOf(t, tenantId, "email")).map((row) => row.payload as EmailPayload);
}

export async function webhooksOf(t: TestApp, tenantId: string): Promise<WebhookPayload[]> {
  return (await outboxOf(t, tenantId, "webhook")).map((row) => row.payload as WebhookPayload);
}

const COUNTED = [
  "orders",
  "projects",
  "jobs",
  "job_events",
  "customers",
  "contracts",
  "job_documents",
  "outbox",
  "timers",
  "tickets",
] as const;

/** Row counts of the execution tables of one tenant. */
export async function rowCounts(t: TestApp, tenantId: string): Promise<Record<string, number>> {
  return withTenant(t.ownerDb, tenantId, async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      const rows = await tx.$queryRawUnsafe<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1::uuid`,
        tenantId,
      );
      counts[table] = rows[0]?.n ?? -1;
    }
    return counts;
  });
}

/** A signed-in user with the given roles in the world's tenant. */
export async function userWith(t: TestApp, tenantId: string, email: string, roles: RoleAssignment[]): Promise<Session> {
  await withTenant(t.db, tenantId, (tx) =>
    upsertUserWithRoles(tx, { tenantId, email, name: email.split("@")[0]!, password: PASSWORD, roles }),
  );
  return login(t.app, email);
}

/** A second store (and BU when asked) with the world's catalogue codes, for scope tests. */
export async function addStore(
  t: TestApp,
  w: ExecutionWorld,
  code: string,
  opts: { newBu?: boolean } = {},
): Promise<{ buId: string; storeId: string; storeCode: string }> {
  return withTenant(t.db, w.tenantId, async (tx) => {
    let buId = w.buId;
    if (opts.newBu) {
      const bu = await tx.businessUnit.create({
        data: {
          tenantId: w.tenantId,
          code: `BU-${code}`,
          name: `BU ${code}`,
          timezone: "Europe/Madrid",
          locale: "es",
          currency: "EUR",
          country: "ES",
        },
      });
      buId = bu.id;
      for (const [svc, profession, specialty] of [
        ["KIT", "carpentry", "kitchen"],
        ["WTP", "carpentry", "kitchen"],
        ["AC", "hvac", "air_conditioning"],
      ] as const) {
        await tx.serviceCode.create({
          data: {
            tenantId: w.tenantId,
            buId,
            code: svc,
            label: svc,
            profession,
            specialty,
            durationMinutes: 120,
            sxType: "installation",
            customerPriceMinor: 1_000,
            providerPriceMinor: 700,
          },
        });
      }
      await tx.product.create({ data: { tenantId: w.tenantId, buId, sku: "OVEN", label: "Oven" } });
    }
    const store = await tx.store.create({
      data: { tenantId: w.tenantId, buId, code, name: `Store ${code}`, postcode: "28002" },
    });
    return { buId, storeId: store.id, storeCode: code };
  });
}

// ===== Dates (the world's BU is in Europe/Madrid) =====

export function madridToday(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Madrid",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The first date on `weekday` at least `minDays` after today. */
export function nextWeekday(weekday: number, minDays: number): string {
  let day = addDays(madridToday(), minDays);
  while (weekdayOf(day) !== weekday) day = addDays(day, 1);
  return day;
}

export const FRIDAY = 5;

// ===== Files =====

export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000dIHDR-test-image-bytes-0123456789"),
]);
export const PDF_BYTES = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
export const EXE_BYTES = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64, 0), Buffer.from([0x90, 0x00, 0xff])]);

export type Part = { filename: string; content: Buffer; contentType?: string };

export function multipart(parts: Part[]): { payload: Buffer; headers: Headers } {
  const boundary = "----exec-test-boundary";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${part.filename}"\r\n` +
          `Content-Type: ${part.contentType ?? "application/octet-stream"}\r\n\r\n`,
      ),
      part.content,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export function upload(t: TestApp, url: string, session: Session, parts: Part[]): Promise<LightMyRequestResponse> {
  const body = multipart(parts);
  return t.app.inject({ method: "POST", url, headers: { ...session.headers, ...body.headers }, payload: body.payload });
}

/** Every file stored under the storage dir for one tenant (recursively). */
export function storedFiles(storageDir: string, tenantId: string): string[] {
  const root = path.join(storageDir, tenantId);
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}
