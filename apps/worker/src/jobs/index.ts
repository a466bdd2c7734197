import type { Db } from "@atende/db";
import type { LivePublisher, TicketJobDeps } from "@atende/desk";
import {
  dispatchTimers,
  silentLog,
  type JobsLog,
  type TimerHandler,
  type TimerHandlers,
  type TimerKind,
} from "@atende/jobs";
import type { Queue } from "bullmq";
import { sessionExpiry } from "./session-expiry.job";
import { slaBreach } from "./sla-breach.job";
import { slaEscalation } from "./sla-escalation.job";
import { slaWarning } from "./sla-warning.job";
import { ticketAutoClose } from "./ticket-auto-close.job";
import { slaReplan } from "./sla-replan.job";
import { contractAutoSend, contractNotSigned, contractReminder, type ContractJobDeps } from "./contract-timers.job";

export type TimerHandlerDeps = {
  db: Db;
  timersQueue: Queue;
  publish: LivePublisher;
  log?: JobsLog;
  /** Where contract PDFs are written (shared with the API). */
  storageDir?: string;
  /** The web app's address, for signing links and ticket links. */
  publicUrl?: string;
};

const LOCAL_PUBLIC_URL = "http://localhost:3000";

/**
 * Every timer kind's handler; typed as a full record so adding a kind to the catalogue without a handler fails to compile.
 * The SLA warning is raw SQL (decision 0014); the others need Prisma (ticket and contract repos).
 */
export function createTimerHandlers(deps: TimerHandlerDeps): TimerHandlers {
  const log = deps.log ?? silentLog;
  const publicUrl = deps.publicUrl ?? LOCAL_PUBLIC_URL;
  const ticketDeps: TicketJobDeps = {
    log,
    publicUrl,
    publish: deps.publish,
    // Runs after the handler's transaction commits; on failure the sweep enqueues the timers within one interval.
    dispatchTimers: (refs) =>
      dispatchTimers(deps.db, deps.timersQueue, refs).catch((error: unknown) => {
        log.warn({ err: error, timers: refs.length }, "follow-up timers not enqueued; the sweep will");
      }),
  };
  const contractDeps: ContractJobDeps = {
    db: deps.db,
    timersQueue: deps.timersQueue,
    storageDir: deps.storageDir ?? ".data/storage",
    publicUrl,
    log,
  };
  return {
    "session-expiry": sessionExpiry,
    "sla-warning": slaWarning(ticketDeps),
    "sla-breach": slaBreach(ticketDeps),
    "sla-escalation": slaEscalation(ticketDeps),
    "ticket-auto-close": ticketAutoClose(ticketDeps),
    "sla-replan": slaReplan(ticketDeps),
    "contract-auto-send": contractAutoSend(contractDeps),
    "contract-reminder": contractReminder(contractDeps),
    "contract-not-signed": contractNotSigned(contractDeps),
  };
}

/**
 * The handlers that need no dependencies, for tests that wrap a real handler in their own map; the worker always
 * builds the complete map with createTimerHandlers.
 */
export const timerHandlers = { "session-expiry": sessionExpiry } satisfies Partial<Record<TimerKind, TimerHandler>>;
