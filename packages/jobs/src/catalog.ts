import { z } from "zod";

/**
 * Every queue and job the worker runs, with its payload schema; producers and consumers both import this.
 * Queue names carry a hash tag so each queue's keys land in one Redis Cluster slot.
 */
export const QUEUES = {
  timers: "{atende-timers}",
  outbox: "{atende-outbox}",
  maintenance: "{atende-maintenance}",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Kinds of timers kept in the timers table; each has a handler in apps/worker/src/jobs. */
export const TIMER_KINDS = [
  "session-expiry",
  "sla-warning",
  "sla-breach",
  "sla-escalation",
  "ticket-auto-close",
  "sla-replan",
  "contract-auto-send",
  "contract-reminder",
  "contract-not-signed",
] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export const ZTimerJob = z.object({
  tenantId: z.uuid(),
  timerId: z.uuid(),
  kind: z.enum(TIMER_KINDS),
  subject: z.string().min(1).max(200),
  generation: z.number().int().min(1),
});
export type TTimerJob = z.infer<typeof ZTimerJob>;

/**
 * The one job of the timers queue: wake up at `wakeAt` (epoch ms) and fire every timer of the tenant due by then
 * (decision 0021). Timers themselves live only in the database.
 */
export const TIMER_JOBS = { wake: "wake" } as const;
export const ZTimerWake = z.object({ tenantId: z.uuid(), wakeAt: z.number().int().nonnegative() });
export type TTimerWake = z.infer<typeof ZTimerWake>;

export const ZOutboxJob = z.object({ tenantId: z.uuid(), outboxId: z.uuid() });
export type TOutboxJob = z.infer<typeof ZOutboxJob>;

export const MAINTENANCE_JOBS = { sweepTimers: "sweep-timers", sweepOutbox: "sweep-outbox" } as const;

/** Kinds of outbox rows; each has a channel adapter in apps/worker/src/channels. */
export const OUTBOX_KINDS = ["email", "webhook"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** Payload of an outbox row of kind "email", written by the API in the state change's transaction. */
export const ZEmailMessage = z.object({
  to: z.union([z.email().max(320), z.array(z.email().max(320)).min(1).max(50)]),
  subject: z.string().min(1).max(500),
  text: z.string().min(1).max(200_000),
  html: z.string().min(1).max(500_000).optional(),
});
export type TEmailMessage = z.infer<typeof ZEmailMessage>;

export const OUTBOX_JOBS = { dispatch: "outbox-dispatch" } as const;
