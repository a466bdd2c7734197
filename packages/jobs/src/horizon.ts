/**
 * Timers due further ahead than this wait in the database, not in Redis: the sweep (every 15 s by default) adds their
 * jobs once they come this close. An open ticket schedules up to eight timers hours or days ahead (periodic updates,
 * resolution, escalation levels); keeping all of them as delayed jobs made every creation pay for eight Redis scripts
 * and kept Redis growing with the open backlog (decision 0013). Twenty sweep intervals long, so a sweep that fails or
 * a worker that restarts still leaves time to add a job before it is due; shorter than a high incident's first SLA
 * warning, so creating one enqueues only its immediate escalation and the sweep adds the rest in batches.
 */
export const ENQUEUE_HORIZON_MS = 5 * 60_000;

export function isWithinEnqueueHorizon(dueAt: Date, now: Date): boolean {
  return dueAt.getTime() - now.getTime() <= ENQUEUE_HORIZON_MS;
}
