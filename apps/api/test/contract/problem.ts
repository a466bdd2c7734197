import type { LightMyRequestResponse } from "fastify";
import { withTenant } from "@atende/db";
import { ERROR_STATUS } from "../../src/plugins/error-status";
import type { TestApp } from "../app";
import { isRecord } from "./valid-body";

export type Expectation = {
  expect: readonly number[];
  /** A 400 VALIDATION_FAILED must name this location or a field under it. */
  errorPath?: string;
  /** The problem's code must be this one. */
  code?: string;
};

const isErrorCode = (code: string): code is keyof typeof ERROR_STATUS => code in ERROR_STATUS;

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** What is wrong with a response against the error contract (RFC 9457 problem details); empty when nothing. */
export function problemIssues(res: LightMyRequestResponse, want: Expectation): string[] {
  const status = res.statusCode;
  const issues: string[] = [];
  const shown = `${status} ${res.body.slice(0, 300)}`;
  if (status >= 500) return [`server error ${shown}`];
  if (!want.expect.includes(status)) issues.push(`expected ${want.expect.join("|")}, got ${shown}`);
  if (status < 400) return issues;
  const type = String(res.headers["content-type"] ?? "");
  if (!type.startsWith("application/problem+json"))
    issues.push(`content-type ${type || "(none)"} is not application/problem+json`);
  const problem = parse(res.body);
  if (!isRecord(problem)) return [...issues, `body is not a JSON object: ${shown}`];
  const { code, detail } = problem;
  if (problem.status !== status) issues.push(`problem.status ${String(problem.status)} differs from HTTP ${status}`);
  if (typeof detail !== "string" || detail.length === 0) issues.push("problem.detail missing");
  if (typeof code !== "string" || !isErrorCode(code))
    return [...issues, `problem.code ${String(code)} is not an error code`];
  if (ERROR_STATUS[code] !== status) issues.push(`code ${code} maps to ${ERROR_STATUS[code]}, answered ${status}`);
  if (want.code && code !== want.code) issues.push(`code ${code}, expected ${want.code}`);
  if (code === "VALIDATION_FAILED") issues.push(...fieldIssues(problem.errors, want.errorPath));
  return issues;
}

function fieldIssues(errors: unknown, errorPath: string | undefined): string[] {
  if (!Array.isArray(errors) || errors.length === 0) return ["VALIDATION_FAILED without errors[]"];
  const paths: string[] = [];
  for (const e of errors) {
    if (!isRecord(e) || typeof e.path !== "string" || typeof e.message !== "string")
      return [`malformed errors[] entry ${JSON.stringify(e)}`];
    if (!/^(body|querystring|params|headers)(\.|$)/.test(e.path))
      return [`errors[] path ${e.path} names no request part`];
    paths.push(e.path);
  }
  if (errorPath && !paths.some((p) => p === errorPath || p.startsWith(`${errorPath}.`))) {
    return [`errors[] paths ${JSON.stringify(paths)} do not name ${errorPath}`];
  }
  return [];
}

/** Tables a refused request must never touch. */
export const GUARDED_TABLES = [
  "business_units",
  "stores",
  "users",
  "role_assignments",
  "groups",
  "group_members",
  "api_tokens",
  "bu_parameter_sets",
  "customers",
  "idempotency_keys",
] as const;

function countOf(rows: unknown): number {
  const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
  if (!isRecord(first) || typeof first.n !== "number")
    throw new Error(`unexpected count result ${JSON.stringify(rows)}`);
  return first.n;
}

/**
 * Row counts of one tenant, read as the owner; FORCE RLS applies to the owner too, hence withTenant.
 * Audit entries count except sign-in ones, which failed sign-ins legitimately write.
 */
export async function tenantRowCounts(t: TestApp, tenantId: string): Promise<Record<string, number>> {
  return withTenant(t.ownerDb, tenantId, async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of GUARDED_TABLES) {
      counts[table] = countOf(
        await tx.$queryRawUnsafe(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1::uuid`, tenantId),
      );
    }
    counts["audit_logs (not auth.*)"] = countOf(
      await tx.$queryRawUnsafe(
        `SELECT count(*)::int AS n FROM audit_logs WHERE tenant_id = $1::uuid AND action NOT LIKE 'auth.%'`,
        tenantId,
      ),
    );
    return counts;
  });
}
