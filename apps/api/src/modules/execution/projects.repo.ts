import { PrismaNamespace, type TenantQuery, type Tx } from "@atende/db";
import type { TProjectListQuery } from "@atende/contracts";
import { searchable } from "./order-lines";

const { sql, join, empty } = PrismaNamespace;
type Sql = PrismaNamespace.Sql;

export type ProjectSeek = { createdAt: string; id: string };

/** A project row with its job cards, as the single list query returns it. */
export type ProjectListRow = {
  id: string;
  number: number;
  status: string;
  bu_id: string;
  store_id: string;
  customer_name: string;
  customer_fiscal_id: string | null;
  customer_phone: string | null;
  worksite: unknown;
  created_at: Date;
  jobs: Array<{
    id: string;
    number: number;
    type: string;
    status: string;
    profession: string;
    specialty: string;
    plannedDate: string;
    tags: string[];
    serviceCodes: string[];
  }>;
};

/**
 * The words of a search, matched against the words of the customer's name, fiscal id or phone (the last one as a
 * prefix): a phone number typed with spaces is one word of digits, and separators inside a fiscal id ("12345678-Z")
 * are dropped.
 */
export function searchWords(q: string): string[] {
  const text = searchable(q);
  const digits = text.replace(/\D/g, "");
  if (/^[+\d\s().-]+$/.test(text) && digits.length >= 6) return [digits];
  return text
    .replace(/(?<=[a-z0-9])[-./](?=[a-z0-9])/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** How many matches a search takes from the word index: the newest few first, all of them when filters ate those. */
export type SearchStrategy = "newest" | "all";

/** Newest matches taken first, as a multiple of the page: enough unless other filters drop most of them. */
export const NEWEST_MATCHES_FACTOR = 2;

/**
 * Matching projects, newest first, each with its job cards aggregated in the same query (one round trip). Job filters
 * are EXISTS over the project's jobs. Under row-level security a text-search condition cannot use its index, so a
 * search reads its matches from app_search_projects (the word index, newest first, before the cursor): "newest" takes
 * a few pages' worth, which is exact whenever the page fills (every other match is older); "all" takes every match.
 */
export async function searchProjects(
  query: TenantQuery,
  tenantId: string,
  filters: TProjectListQuery,
  scope: "all" | Array<{ buId: string; storeId: string | null }>,
  after: ProjectSeek | null,
  limit: number,
  strategy: SearchStrategy = "newest",
): Promise<ProjectListRow[]> {
  const where: Sql[] = [sql`p.tenant_id = ${tenantId}::uuid`];
  if (scope !== "all") {
    // Each BU-wide or store assignment of the reader, OR-ed: a seller of one store sees that store only.
    // A project groups jobs of every store of its BU: a store assignment reaches it through one of its jobs.
    const reach = scope.map((s) =>
      s.storeId
        ? sql`(p.bu_id = ${s.buId}::uuid AND EXISTS (SELECT 1 FROM jobs js WHERE js.tenant_id = p.tenant_id AND js.project_id = p.id AND js.store_id = ${s.storeId}::uuid))`
        : sql`p.bu_id = ${s.buId}::uuid`,
    );
    where.push(reach.length ? sql`(${join(reach, " OR ")})` : sql`false`);
  }
  if (filters.storeId) where.push(sql`p.store_id = ${filters.storeId}::uuid`);
  if (filters.status) where.push(sql`p.status = ${filters.status}`);
  else if (!filters.includeCancelled) where.push(sql`p.status <> 'cancelled'`);
  // Creation dates are days of the project's BU: its zone turns them into instants. The coarse bounds (14 hours, the
  // widest offset there is) keep the created_at index usable; the exact ones apply the zone row by row.
  const buZone = sql`(SELECT b.timezone FROM business_units b WHERE b.tenant_id = p.tenant_id AND b.id = p.bu_id)`;
  if (filters.createdFrom) {
    const day = sql`${filters.createdFrom}::date::timestamp`;
    where.push(sql`p.created_at >= ((${day} - interval '14 hours') AT TIME ZONE 'UTC')`);
    where.push(sql`p.created_at >= (${day} AT TIME ZONE ${buZone})`);
  }
  if (filters.createdTo) {
    const nextDay = sql`(${filters.createdTo}::date + 1)::timestamp`;
    where.push(sql`p.created_at < ((${nextDay} + interval '14 hours') AT TIME ZONE 'UTC')`);
    where.push(sql`p.created_at < (${nextDay} AT TIME ZONE ${buZone})`);
  }
  const jobWhere: Sql[] = [];
  if (filters.type) jobWhere.push(sql`j.type = ${filters.type}`);
  if (filters.jobStatus) jobWhere.push(sql`j.status = ${filters.jobStatus}`);
  if (filters.providerId) jobWhere.push(sql`j.provider_id = ${filters.providerId}::uuid`);
  if (filters.plannedFrom) jobWhere.push(sql`j.planned_date >= ${filters.plannedFrom}::date`);
  if (filters.plannedTo) jobWhere.push(sql`j.planned_date <= ${filters.plannedTo}::date`);
  if (filters.tag) jobWhere.push(sql`${filters.tag} = ANY(j.tags)`);
  if (filters.serviceCode) jobWhere.push(sql`j.services @> ${JSON.stringify([{ code: filters.serviceCode }])}::jsonb`);
  if (jobWhere.length) {
    where.push(
      sql`EXISTS (SELECT 1 FROM jobs j WHERE j.tenant_id = p.tenant_id AND j.project_id = p.id AND ${join(jobWhere, " AND ")})`,
    );
  }
  const jobReach =
    scope === "all"
      ? empty
      : sql`AND (${join(
          scope.map((s) =>
            s.storeId
              ? sql`(j.bu_id = ${s.buId}::uuid AND j.store_id = ${s.storeId}::uuid)`
              : sql`j.bu_id = ${s.buId}::uuid`,
          ),
          " OR ",
        )})`;
  const seekAfter = (createdAt: Sql) =>
    after ? sql`AND (${createdAt}, p.id) < (${new Date(after.createdAt)}::timestamptz, ${after.id}::uuid)` : empty;
  const words = filters.q ? searchWords(filters.q) : null;
  if (words && words.length === 0) return [];
  // Search as you type: the words already followed by a space are whole words, the last one may be unfinished. A prefix
  // makes the word index merge every word it starts (4 ms for "hugo:* & rodriguez:*" against 1 ms whole).
  const tsquery = words ? words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ") : "";
  let source: Sql;
  let createdAt = sql`p.created_at`;
  if (!words) {
    source = sql`SELECT p.* FROM projects p WHERE ${join(where, " AND ")} ${seekAfter(createdAt)}`;
  } else {
    createdAt = sql`m.created_at`;
    const before = after ? sql`${new Date(after.createdAt)}::timestamptz, ${after.id}::uuid` : sql`NULL, NULL`;
    const take = strategy === "newest" ? sql`${limit * NEWEST_MATCHES_FACTOR}::int` : sql`NULL`;
    source = sql`SELECT p.* FROM app_search_projects(to_tsquery('simple', ${tsquery}), ${before}, ${take}) m
      JOIN projects p ON p.id = m.id
      WHERE ${join(where, " AND ")} ${seekAfter(createdAt)}
      ORDER BY m.created_at DESC, p.id DESC LIMIT ${limit}`;
  }
  return query<ProjectListRow>(sql`
    SELECT p.id, p.number, p.status, p.bu_id, p.store_id, p.customer_name, p.customer_fiscal_id, p.customer_phone,
      p.worksite, p.created_at,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', j.id, 'number', j.number, 'type', j.type, 'status', j.status, 'profession', j.profession,
          'specialty', j.specialty, 'plannedDate', to_char(j.planned_date, 'YYYY-MM-DD'), 'tags', j.tags,
          'serviceCodes', (SELECT COALESCE(json_agg(e->>'code'), '[]'::json) FROM jsonb_array_elements(j.services) e)
        ) ORDER BY j.number)
        FROM jobs j WHERE j.tenant_id = p.tenant_id AND j.project_id = p.id ${jobReach}
      ), '[]'::json) AS jobs
    FROM (${source}) p
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT ${limit}`);
}

export function projectsByIds(tx: Tx, tenantId: string, ids: string[]) {
  return tx.project.findMany({ where: { tenantId, id: { in: ids } } });
}

export function jobsOfProjects(tx: Tx, tenantId: string, projectIds: string[]) {
  return tx.job.findMany({
    where: { tenantId, projectId: { in: projectIds } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      projectId: true,
      buId: true,
      storeId: true,
      type: true,
      status: true,
      profession: true,
      specialty: true,
      plannedDate: true,
      tags: true,
      services: true,
    },
  });
}
