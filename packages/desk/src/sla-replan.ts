import type { Tx } from "@atende/db";
import { scheduleTimer, type TimerRef } from "@atende/jobs";
import { z } from "zod";
import { replanSla } from "./sla-planner";

/** Open tickets replanned per timer firing: small enough for one short transaction at a million tickets. */
export const REPLAN_PAGE_SIZE = 100;

const ZReplanPayload = z.object({ after: z.uuid().nullable() });

/**
 * A policy, calendar or catalogue change must move the clocks of every open ticket. The work is a timer of the
 * tenant that the worker runs page by page (each page re-arms the timer with its cursor), so a change commits at
 * once and the recomputation survives restarts. A second change restarts it from the first ticket.
 */
export function requestSlaReplan(tx: Tx, tenantId: string, now: Date): Promise<TimerRef> {
  return scheduleTimer(tx, { tenantId, kind: "sla-replan", subject: tenantId, dueAt: now, payload: { after: null } });
}

/** One page of the tenant replan; returns the timers to enqueue (the clocks' and, when more remain, the next page). */
export async function replanOpenTicketsPage(tx: Tx, tenantId: string, timerId: string, now: Date): Promise<TimerRef[]> {
  const timer = await tx.timer.findFirst({ where: { tenantId, id: timerId }, select: { payload: true } });
  const parsed = ZReplanPayload.safeParse(timer?.payload);
  const after = parsed.success ? parsed.data.after : null;
  const page = await tx.ticket.findMany({
    where: { tenantId, isOpen: true, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: REPLAN_PAGE_SIZE,
    select: { id: true },
  });
  const refs: TimerRef[] = [];
  for (const t of page) refs.push(...(await replanSla(tx, tenantId, t.id, now)));
  const last = page[page.length - 1];
  if (page.length === REPLAN_PAGE_SIZE && last) {
    refs.push(
      await scheduleTimer(tx, {
        tenantId,
        kind: "sla-replan",
        subject: tenantId,
        dueAt: now,
        payload: { after: last.id },
      }),
    );
  }
  return refs;
}
