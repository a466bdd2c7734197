import { z } from "zod";
import type { Page, TProjectDetail, TProjectListQuery, TProjectSummary } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { notFound } from "../../errors";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { assertReadable, canRead, readableScopes } from "./exec-access";
import { toProjectListItem, toProjectSummary } from "./job-mapper";
import * as repo from "./projects.repo";

const ZSeek = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });

export async function listProjects(ctx: RequestContext, query: TProjectListQuery): Promise<Page<TProjectSummary>> {
  const after = decodeCursor(query.cursor, ZSeek);
  const rows = await ctx.read(async (sql) => {
    const run = (strategy: repo.SearchStrategy) =>
      repo.searchProjects(sql, ctx.tenantId, query, readableScopes(ctx), after, query.limit + 1, strategy);
    if (!query.q) return run("newest");
    const newest = await run("newest");
    return newest.length > query.limit ? newest : run("all");
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toProjectListItem),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id })
        : null,
  };
}

export async function getProject(ctx: RequestContext, id: string): Promise<TProjectDetail> {
  return ctx.run(async (tx) => {
    const project = (await repo.projectsByIds(tx, ctx.tenantId, [id]))[0];
    if (!project) throw notFound("project");
    // A project can hold jobs of several stores of its BU: a store-scoped seller sees it, and only the jobs, of theirs.
    const jobs = (await repo.jobsOfProjects(tx, ctx.tenantId, [id])).filter((j) => canRead(ctx, j));
    if (jobs.length === 0) assertReadable(ctx, project, "project");
    const customer = await tx.customer.findFirst({
      where: { tenantId: ctx.tenantId, id: project.customerId },
      select: { email: true },
    });
    return {
      ...toProjectSummary(project, jobs),
      customerEmail: customer?.email ?? null,
    };
  });
}
