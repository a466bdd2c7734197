import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, type Session, tenantWide } from "../app";
import { type BadCase, corpusFor } from "./corpus";
import { type Callers, callerFor, seedExecution } from "./execution-resources";
import { fillPath, loadOperations, opName, type Operation, unwrap } from "./openapi-walk";
import { problemIssues, tenantRowCounts } from "./problem";
import {
  atVersion,
  bodyContext,
  collectionsOf,
  pathValues,
  type Seeded,
  seedOneOfEach,
  send,
  sendRaw,
} from "./resources";
import { isRecord, MissingReference, validBody, validValue } from "./valid-body";

// One app for the whole corpus; the operations must be known when tests are declared.
const t = await createTestApp({ storageDir: mkdtempSync(path.join(tmpdir(), "atende-corpus-")) });
const ops = await loadOperations(t.app);
const collections = collectionsOf(ops);

/** Creating POSTs that deliberately ignore Idempotency-Key, with why; every other creation must honour it. */
const NOT_IDEMPOTENT: Record<string, string> = {
  "POST /api/v1/api-tokens": "a replayed response would show the token's secret a second time",
  "POST /api/v1/webhooks": "a replayed response would show the endpoint's signing secret a second time",
};

/**
 * Public routes that never read the session cookie, with why: a cookie without its CSRF token changes nothing
 * there, so the corpus does not expect a refusal for it.
 */
const COOKIE_IGNORED: Record<string, string> = {
  "POST /api/v1/public/contracts/{token}/sign":
    "the signing link is the credential; the customer signs without an account, so there is no session to forge",
};

let tenantId: string;
let session: Session;
let callers: Callers;
let seeded: Seeded;
let countsBefore: Record<string, number>;

beforeAll(async () => {
  const tenant = await t.tenant("corpus");
  tenantId = tenant.id;
  // Admin and agent at once, so every documented operation is reachable by the corpus.
  await tenant.user("admin@corpus.test", [tenantWide("tenant_admin"), tenantWide("operator")]);
  session = await login(t.app, "admin@corpus.test");
  seeded = await seedOneOfEach(t.app, ops, session);
  seeded.ids.set("/api/v1/tickets/{id}/attachments", await uploadOneAttachment(seeded.ids.get("/api/v1/tickets")!));
  // The order system's token and a customer reach the routes the admin cannot (orders, portal).
  callers = await seedExecution(t.app, tenant, "corpus", session, seeded.ids);
  countsBefore = await tenantRowCounts(t, tenantId);
});

/** Attachments are multipart uploads, which the JSON body generator does not make: one is uploaded by hand. */
async function uploadOneAttachment(ticketId: string): Promise<string> {
  const boundary = "----corpus";
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
  );
  const res = await t.app.inject({
    method: "POST",
    url: `/api/v1/tickets/${ticketId}/attachments`,
    headers: { ...session.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  if (res.statusCode !== 201) throw new Error(`attachment upload failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { items: Array<{ id: string }> }).items[0]!.id;
}

function targetFor(op: Operation) {
  let values: Record<string, string>;
  try {
    values = pathValues(op, seeded.ids);
  } catch (error) {
    if (!(error instanceof MissingReference)) throw error;
    const why = [...seeded.failures.values()].join("\n  ");
    throw new Error(`${opName(op)}: no existing resource for ${error.property}; creating one failed:\n  ${why}`, {
      cause: error,
    });
  }
  const ctx = bodyContext(seeded.ids, collections, { full: true });
  const query: Record<string, string> = {};
  for (const p of op.queryParams.filter((q) => q.required)) query[p.name] = String(validValue(p.schema, p.name, ctx));
  const body = op.body ? atVersion(validBody(op.body, ctx), 1) : undefined;
  const honoursIdempotencyKey = !(opName(op) in NOT_IDEMPOTENT);
  return { op, pathValues: values, query, body, ctx, honoursIdempotencyKey, bodyLimitBytes: t.config.bodyLimitBytes };
}

function headersFor(c: BadCase, caller: Session): Record<string, string> {
  if (c.auth === "none") return c.headers;
  // A bearer caller has no cookie: "cookie without CSRF" then sends the admin's cookie, which the route refuses.
  if (c.auth === "no-csrf") return { cookie: caller.cookie || session.cookie, ...c.headers };
  return { ...caller.headers, ...c.headers };
}

describe("never a 500: a generated corpus of bad input for every documented operation", () => {
  it("discovers the operations from the OpenAPI document", () => {
    expect(ops.length).toBeGreaterThan(5);
    expect(ops.map(opName)).toContain("PATCH /api/v1/business-units/{id}");
    expect(seeded.ids.has("/api/v1/business-units")).toBe(true);
    expect(t.config.bodyLimitBytes).toBe(1024 * 1024);
  });

  it.each(ops.map((op) => [opName(op), op] as const))("%s", async (_name, op) => {
    const cases = corpusFor(targetFor(op)).filter((c) => !(c.auth === "no-csrf" && opName(op) in COOKIE_IGNORED));
    const caller = callerFor(op.path, callers);
    const failures: string[] = [];
    // Sequential: the corpus runs against one session and one database, and the order keeps failures readable.
    for (const c of cases) {
      const res = await sendRaw(t.app, null, {
        method: c.method,
        url: c.url,
        headers: headersFor(c, caller),
        ...(c.payload === undefined ? {} : { payload: c.payload }),
      });
      for (const issue of problemIssues(res, c))
        failures.push(`${c.label} [${c.method.toUpperCase()} ${c.url.slice(0, 120)}]: ${issue}`);
    }
    expect(cases.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it("answers 409 STALE_VERSION to a write based on version 999 of a real resource", async () => {
    const versioned = ops.filter(
      (op) => (op.method === "patch" || op.method === "put") && unwrap(op.body ?? {}).properties?.version,
    );
    expect(versioned.map(opName)).toContain("PATCH /api/v1/business-units/{id}");
    const failures: string[] = [];
    for (const op of versioned) {
      const target = targetFor(op);
      if (!isRecord(target.body)) throw new Error(`${opName(op)}: the generated body is not an object`);
      const body = { ...target.body, version: 999 };
      const res = await send(t.app, callerFor(op.path, callers), {
        method: op.method,
        url: fillPath(op.path, target.pathValues),
        body,
      });
      for (const issue of problemIssues(res, { expect: [409], code: "STALE_VERSION" }))
        failures.push(`${opName(op)}: ${issue}`);
    }
    expect(failures).toEqual([]);
  });

  it("kept the session: no bad input signed the admin out", async () => {
    const res = await send(t.app, session, { method: "get", url: "/api/v1/me" });
    expect(res.statusCode).toBe(200);
  });

  it("wrote nothing: the tenant's row counts are those before the corpus", async () => {
    expect(await tenantRowCounts(t, tenantId)).toEqual(countsBefore);
  });
});

describe("too many requests", () => {
  let limited: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    limited = await createTestApp({ rateLimitPerMinute: 5 });
  });

  it("answers the 6th request within a minute with 429 RATE_LIMITED as problem+json and Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.app.inject({ method: "GET", url: "/health" })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const sixth = await limited.app.inject({ method: "GET", url: "/health" });
    expect(problemIssues(sixth, { expect: [429], code: "RATE_LIMITED" })).toEqual([]);
    expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);
  });
});
