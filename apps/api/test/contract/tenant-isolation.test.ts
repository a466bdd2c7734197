import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, type Session, tenantWide } from "../app";
import { type Callers, callerFor, seedExecution } from "./execution-resources";
import { fillPath, isCreation, loadOperations, opName, type Operation } from "./openapi-walk";
import { problemIssues, tenantRowCounts } from "./problem";
import { atVersion, bodyContext, collectionsOf, pathValues, type Seeded, seedOneOfEach, send } from "./resources";
import { type BodyContext, MissingReference, validBody } from "./valid-body";

// The operations must be known when the tests are declared.
const t = await createTestApp({ storageDir: mkdtempSync(path.join(tmpdir(), "atende-isolation-")) });
const ops = await loadOperations(t.app);
const collections = collectionsOf(ops);

/**
 * Routes with a path parameter that address no per-tenant resource, with why. Every other such route must be
 * exercised against a real resource of tenant A; add an entry here only with a reason a reviewer can check.
 */
const NOT_PER_RESOURCE: Record<string, string> = {
  // Uploads are multipart/form-data, which the JSON body generator cannot produce; the cross-tenant 404 for both
  // routes is asserted in apps/api/src/modules/tickets/ticket-attachments.service.test.ts.
  "POST /api/v1/tickets/{id}/attachments": "multipart upload (isolation covered in ticket-attachments.service.test.ts)",
  "GET /api/v1/tickets/{id}/attachments/{attachmentId}":
    "multipart upload (isolation covered in ticket-attachments.service.test.ts)",
  "PUT /api/v1/notification-templates/{event}/{locale}":
    "event and locale name a template slot of the caller's own tenant",
  // Public by design: the signing link is the credential (tenant id + a random token whose hash only is stored), so
  // whoever holds it may read and sign, signed in or not. Forged and foreign tokens (another tenant's id with a real
  // token) answer 404 in apps/api/test/execution/portal-signing.test.ts.
  "GET /api/v1/public/contracts/{token}": "public signing link: the token is the credential (portal-signing.test.ts)",
  "GET /api/v1/public/contracts/{token}/pdf":
    "public signing link: the token is the credential (portal-signing.test.ts)",
  "POST /api/v1/public/contracts/{token}/sign":
    "public signing link: the token is the credential (portal-signing.test.ts)",
};

type Side = { tenantId: string; adminId: string; session: Session; callers: Callers; seeded: Seeded };

async function side(slug: string): Promise<Side> {
  const tenant = await t.tenant(slug);
  const email = `admin@${slug}.test`;
  const adminId = await tenant.user(email, [tenantWide("tenant_admin"), tenantWide("operator")]);
  const session = await login(t.app, email);
  const seeded = await seedOneOfEach(t.app, ops, session);
  // Orders come with the order system's token and portal routes take a customer: each side has both.
  const callers = await seedExecution(t.app, tenant, slug, session, seeded.ids);
  return { tenantId: tenant.id, adminId, session, callers, seeded };
}

let a: Side;
let b: Side;
/** Every id of tenant A that B must never see. */
let aIds: string[];
let snapshotBefore: Record<string, string>;
let countsBefore: Record<string, number>;

const perResource = ops.filter((op) => op.pathParams.length > 0 && !(opName(op) in NOT_PER_RESOURCE));
const lists = ops.filter((op) => op.method === "get" && op.pathParams.length === 0);

function whyMissing(op: Operation, error: MissingReference, seeded: Seeded): string {
  const creators = ops.filter(isCreation).map((o) => o.path);
  const failures = [...seeded.failures.entries()].map(([c, why]) => `${c}: ${why}`);
  return (
    `${opName(op)}: no resource of tenant A for ${error.property}. ` +
    (failures.length > 0 ? `Creating failed for ${failures.join("; ")}. ` : "") +
    `Collections with a creating POST (201): ${creators.join(", ") || "none"}. ` +
    "Make the resource creatable through the API, or list the route in NOT_PER_RESOURCE with the reason."
  );
}

function aPathValues(op: Operation): Record<string, string> {
  try {
    return pathValues(op, a.seeded.ids);
  } catch (error) {
    if (error instanceof MissingReference) throw new Error(whyMissing(op, error, a.seeded), { cause: error });
    throw error;
  }
}

/** Everything tenant A can read about itself, keyed by request. */
async function snapshotOfA(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const op of ops.filter((o) => o.method === "get")) {
    let url: string;
    try {
      url = fillPath(op.path, pathValues(op, a.seeded.ids));
    } catch {
      continue;
    }
    const res = await send(t.app, callerFor(op.path, a.callers), { method: "get", url });
    out[url] = `${res.statusCode} ${res.body}`;
  }
  return out;
}

beforeAll(async () => {
  a = await side("iso-a");
  b = await side("iso-b");
  aIds = [a.tenantId, a.adminId, ...a.seeded.ids.values()];
  snapshotBefore = await snapshotOfA();
  countsBefore = await tenantRowCounts(t, a.tenantId);
});

describe("tenant isolation: tenant B never reaches tenant A's resources", () => {
  it("has a resource of tenant A for every route with a path parameter", () => {
    const problems: string[] = [];
    for (const op of perResource) {
      try {
        aPathValues(op);
      } catch (error) {
        problems.push(String(error instanceof Error ? error.message : error));
      }
    }
    expect(perResource.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it.each(perResource.map((op) => [opName(op), op] as const))(
    "%s on A's resource answers B with 404 NOT_FOUND",
    async (_name, op) => {
      const url = fillPath(op.path, aPathValues(op));
      // A body valid for B (B's own references, version 1), so nothing but the foreign id can explain a refusal.
      const body = op.body
        ? atVersion(validBody(op.body, bodyContext(b.seeded.ids, collections, { full: true })), 1)
        : undefined;
      const res = await send(t.app, callerFor(op.path, b.callers), { method: op.method, url, body });
      expect(problemIssues(res, { expect: [404], code: "NOT_FOUND" })).toEqual([]);
    },
  );

  it.each(lists.map((op) => [opName(op), op] as const))("%s read by B contains none of A's ids", async (_name, op) => {
    const leaks: string[] = [];
    const urls = [op.path, ...filteredByA(op)];
    for (const url of urls) {
      const res = await send(t.app, callerFor(op.path, b.callers), { method: "get", url });
      leaks.push(
        ...problemIssues(res, { expect: url === op.path ? [200] : [200, 400, 404] }).map((i) => `${url}: ${i}`),
      );
      for (const id of aIds)
        if (res.body.includes(id)) leaks.push(`${url} shows A's id ${id}: ${res.body.slice(0, 300)}`);
    }
    expect(leaks).toEqual([]);
  });

  it("refuses B's writes that reference A's resources in the body", async () => {
    const problems: string[] = [];
    let probes = 0;
    for (const op of ops.filter((o) => o.method !== "get" && o.body)) {
      let url: string;
      try {
        url = fillPath(op.path, pathValues(op, b.seeded.ids));
      } catch {
        continue;
      }
      for (const property of referenceProperties(op)) {
        const ctx = mixedContext(property);
        const body = atVersion(validBody(op.body ?? {}, ctx), 1);
        const foreign = aIds.filter((id) => JSON.stringify(body).includes(id));
        if (foreign.length === 0) continue;
        probes++;
        const res = await send(t.app, callerFor(op.path, b.callers), { method: op.method, url, body });
        const label = `${opName(op)} with ${property} of A (${JSON.stringify(body).slice(0, 200)})`;
        problems.push(...problemIssues(res, { expect: [400, 404, 422] }).map((i) => `${label}: ${i}`));
      }
    }
    expect(probes).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("left A's resources exactly as they were", async () => {
    expect(await snapshotOfA()).toEqual(snapshotBefore);
    expect(await tenantRowCounts(t, a.tenantId)).toEqual(countsBefore);
  });
});

describe("tenant isolation in the database", () => {
  it("connects the app as a role that is neither superuser nor BYPASSRLS", async () => {
    const rows = await t.db.$queryRaw<
      { rolsuper: boolean; rolbypassrls: boolean }[]
    >`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it("returns no rows to a query that set no tenant", async () => {
    const ofA = await withTenant(t.db, a.tenantId, (tx) => tx.businessUnit.count());
    expect(ofA).toBeGreaterThan(0);
    expect(await t.db.businessUnit.count()).toBe(0);
  });
});

/** The list again with each filter that takes a reference (buId, userId, ...) set to A's resource. */
function filteredByA(op: Operation): string[] {
  const ctx = bodyContext(a.seeded.ids, collections, { full: false });
  const urls: string[] = [];
  for (const p of op.queryParams) {
    const id = ctx.idFor(p.name);
    if (id) urls.push(`${op.path}?${new URLSearchParams({ [p.name]: id }).toString()}`);
  }
  if (op.queryParams.some((p) => p.name === "userId")) urls.push(`${op.path}?userId=${a.adminId}`);
  return urls;
}

/** The reference properties a full body of the operation asks ids for (buId, userId for memberIds, ...). */
function referenceProperties(op: Operation): string[] {
  const asked = new Set<string>();
  const recording: BodyContext = {
    ...bodyContext(b.seeded.ids, collections, { full: true, linkOptional: true }),
    idFor: (property) => {
      asked.add(property);
      return bodyContext(b.seeded.ids, collections, { full: true }).idFor(property);
    },
  };
  validBody(op.body ?? {}, recording);
  return [...asked];
}

/** B's own references everywhere except `property`, which points at A's resource. */
function mixedContext(property: string): BodyContext {
  const ofA = bodyContext(a.seeded.ids, collections, { full: true });
  const ofB = bodyContext(b.seeded.ids, collections, { full: true });
  return { ...ofB, linkOptional: true, idFor: (p) => (p === property ? ofA.idFor(p) : ofB.idFor(p)) };
}
