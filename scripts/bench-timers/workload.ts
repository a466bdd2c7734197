import type pg from "pg";
import type { WorkerHandlers } from "./child";
import { exactlyOnce, type Lateness } from "./measure";
import { SLA_EVENT_TYPE, seedSlaTickets, slaWarningRows } from "./sla";
import { slaExactlyOnce, slaWork } from "./sla-measure";
import { sessionExpiryRows, type TimerRows } from "./schedule";

export type Check = { ok: boolean; cell: string; notes: string[] };

/** What a scenario's timers are, what runs them, and how their work is checked; `sql` is the owner's connection. */
export type Workload = {
  total: number;
  handlers: WorkerHandlers;
  /** Data the handlers need, written before the worker starts; returns notes. */
  seed: (sql: pg.Client, tenantId: string) => Promise<string[]>;
  timers: (subjectPrefix: string) => TimerRows;
  check: (sql: pg.Client, tenantId: string, lat: Lateness) => Promise<Check>;
};

const fmt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "n/a");

/** Session-expiry timers for the bench's raw claim + outbox handler (scripts/bench-timers/handlers.ts). */
export function benchWorkload(total: number): Workload {
  return {
    total,
    handlers: "bench",
    seed: () => Promise.resolve([]),
    timers: sessionExpiryRows,
    check: async (sql, tenantId, lat) => {
      const once = await exactlyOnce(sql, tenantId, total);
      const cell = once.ok
        ? `yes (${fmt(once.fired)} fired, ${fmt(once.outboxRows)} outbox rows)`
        : `NO: ${fmt(once.fired)}/${fmt(once.timers)} fired, ${fmt(once.outboxRows)} outbox rows for ` +
          `${fmt(once.outboxTimers)} timers, ${fmt(once.orphans)} orphans`;
      return {
        ok: once.ok,
        cell,
        notes: [`outbox insert lateness p50 ${fmt(lat.insertP50)} / p99 ${fmt(lat.insertP99)} ms`],
      };
    },
  };
}

/**
 * sla-warning timers, each behind an open ticket with a running first-response clock, fired by the worker's
 * production handlers (createTimerHandlers).
 */
export function slaWorkload(total: number): Workload {
  return {
    total,
    handlers: "production",
    seed: async (sql, tenantId) => {
      const ms = await seedSlaTickets(sql, tenantId, total);
      return [`seeded ${fmt(total)} tickets with running first-response clocks in ${(ms / 1000).toFixed(1)} s`];
    },
    timers: () => slaWarningRows,
    check: async (sql, tenantId) => {
      const once = await slaExactlyOnce(sql, tenantId, total);
      const work = await slaWork(sql, tenantId);
      const cell = once.ok
        ? `yes (${fmt(once.fired)} fired, ${fmt(once.events)} ${SLA_EVENT_TYPE} events on ${fmt(once.eventTickets)} ` +
          `tickets, ${fmt(once.warnedClocks)} clocks warned)`
        : `NO: ${fmt(once.fired)}/${fmt(once.timers)} fired, ${fmt(once.events)} ${SLA_EVENT_TYPE} events on ` +
          `${fmt(once.eventTickets)} tickets, ${fmt(once.warnedClocks)} clocks warned, ${fmt(once.orphans)} orphans`;
      return {
        ok: once.ok,
        cell,
        notes: [
          `clock update (warned_at written) lateness p50 ${fmt(work.p50)} / p99 ${fmt(work.p99)} / ` +
            `max ${fmt(work.max)} ms`,
        ],
      };
    },
  };
}
