import type { TSlaReport, TSlaReportQuery } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { toCsv } from "../../lib/csv";
import * as repo from "./reports.repo";

const DAY = 86_400_000;
const ORDER = {
  aging: ["<1d", "1-3d", "3-7d", "7-30d", ">30d"],
  firstResponse: ["<15m", "15-60m", "1-4h", "4-24h", ">24h"],
  resolution: ["<1h", "1-8h", "8-24h", "1-3d", "3-7d", ">7d"],
};

function buckets(order: string[], rows: Array<{ bucket: string; count: bigint }>) {
  return order.map((bucket) => ({ bucket, count: Number(rows.find((r) => r.bucket === bucket)?.count ?? 0) }));
}

function compliance(rows: Array<{ key: string | null; label: string | null; met: bigint; breached: bigint }>) {
  return rows.map((r) => {
    const met = Number(r.met);
    const breached = Number(r.breached);
    return {
      key: r.key ?? "none",
      label: r.label ?? "none",
      met,
      breached,
      percent: met + breached ? Math.round((met / (met + breached)) * 1000) / 10 : null,
    };
  });
}

/** SLA compliance, backlog aging and time distributions; the window defaults to the last 90 days. */
export async function slaReport(ctx: RequestContext, q: TSlaReportQuery, now: Date): Promise<TSlaReport> {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 90 * DAY);
  const w = { tenantId: ctx.tenantId, from, to, clock: q.clock };
  return ctx.run(async (tx) => ({
    clock: q.clock,
    byPriority: compliance(await repo.complianceBy(tx, w, "priority")),
    byGroup: compliance(await repo.complianceBy(tx, w, "group")),
    byMonth: compliance(await repo.complianceBy(tx, w, "month")),
    backlogAging: buckets(ORDER.aging, await repo.backlogAging(tx, ctx.tenantId, now)),
    firstResponseMinutes: buckets(ORDER.firstResponse, await repo.firstResponseDistribution(tx, w)),
    resolutionHours: buckets(ORDER.resolution, await repo.resolutionDistribution(tx, w)),
  }));
}

export async function slaReportCsv(ctx: RequestContext, q: TSlaReportQuery, now: Date): Promise<string> {
  const r = await slaReport(ctx, q, now);
  const rows = (["byPriority", "byGroup", "byMonth"] as const).flatMap((dim) =>
    r[dim].map((c) => [dim.replace("by", "").toLowerCase(), c.label, r.clock, c.met, c.breached, c.percent]),
  );
  return toCsv(["dimension", "value", "clock", "met", "breached", "percent"], rows);
}
