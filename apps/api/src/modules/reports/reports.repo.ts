import type { Tx } from "@atende/db";

type Window = { tenantId: string; from: Date; to: Date; clock: string };
type Row = { key: string | null; label: string | null; met: bigint; breached: bigint };

const dimensions = {
  priority: { key: "t.priority", label: "t.priority" },
  group: { key: "coalesce(t.group_id::text, 'none')", label: "coalesce(g.name, 'none')" },
  month: {
    key: "to_char(date_trunc('month', t.created_at), 'YYYY-MM')",
    label: "to_char(date_trunc('month', t.created_at), 'YYYY-MM')",
  },
} as const;

/** Met vs breached clocks of tickets created in the window, by one dimension (fixed SQL per dimension, values bound). */
export async function complianceBy(tx: Tx, w: Window, by: keyof typeof dimensions): Promise<Row[]> {
  const d = dimensions[by];
  return tx.$queryRawUnsafe<Row[]>(
    `SELECT ${d.key} AS key, ${d.label} AS label,
            count(*) FILTER (WHERE c.status = 'met') AS met,
            count(*) FILTER (WHERE c.status = 'breached' OR (c.status IN ('running','paused') AND c.breached_at IS NOT NULL)) AS breached
       FROM sla_clocks c
       JOIN tickets t ON t.id = c.ticket_id AND t.tenant_id = c.tenant_id
       LEFT JOIN groups g ON g.id = t.group_id AND g.tenant_id = t.tenant_id
      WHERE c.tenant_id = $1::uuid AND c.kind = $2 AND t.created_at >= $3 AND t.created_at < $4
      GROUP BY 1, 2 ORDER BY 1`,
    w.tenantId,
    w.clock,
    w.from,
    w.to,
  );
}

type BucketRow = { bucket: string; count: bigint };

export async function backlogAging(tx: Tx, tenantId: string, now: Date): Promise<BucketRow[]> {
  return tx.$queryRaw<BucketRow[]>`
    SELECT CASE WHEN age < interval '1 day' THEN '<1d' WHEN age < interval '3 days' THEN '1-3d'
                WHEN age < interval '7 days' THEN '3-7d' WHEN age < interval '30 days' THEN '7-30d' ELSE '>30d' END AS bucket,
           count(*) AS count
      FROM (SELECT ${now}::timestamptz - created_at AS age FROM tickets WHERE tenant_id = ${tenantId}::uuid AND is_open) open
     GROUP BY 1`;
}

export async function firstResponseDistribution(tx: Tx, w: Window): Promise<BucketRow[]> {
  return tx.$queryRaw<BucketRow[]>`
    SELECT CASE WHEN m < 15 THEN '<15m' WHEN m < 60 THEN '15-60m' WHEN m < 240 THEN '1-4h' WHEN m < 1440 THEN '4-24h' ELSE '>24h' END AS bucket,
           count(*) AS count
      FROM (SELECT extract(epoch FROM first_response_at - created_at) / 60 AS m FROM tickets
             WHERE tenant_id = ${w.tenantId}::uuid AND first_response_at IS NOT NULL AND created_at >= ${w.from} AND created_at < ${w.to}) x
     GROUP BY 1`;
}

export async function resolutionDistribution(tx: Tx, w: Window): Promise<BucketRow[]> {
  return tx.$queryRaw<BucketRow[]>`
    SELECT CASE WHEN h < 1 THEN '<1h' WHEN h < 8 THEN '1-8h' WHEN h < 24 THEN '8-24h' WHEN h < 72 THEN '1-3d' WHEN h < 168 THEN '3-7d' ELSE '>7d' END AS bucket,
           count(*) AS count
      FROM (SELECT extract(epoch FROM resolved_at - created_at) / 3600 AS h FROM tickets
             WHERE tenant_id = ${w.tenantId}::uuid AND resolved_at IS NOT NULL AND created_at >= ${w.from} AND created_at < ${w.to}) x
     GROUP BY 1`;
}
