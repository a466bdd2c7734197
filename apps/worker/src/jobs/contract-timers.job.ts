import { dispatchTimers, type JobsLog, type TimerHandler } from "@atende/jobs";
import type { Db } from "@atende/db";
import { runContractAutoSend, runContractNotSigned, runContractReminder, type ExecDeps } from "@atende/execution";
import type { Queue } from "bullmq";

export type ContractJobDeps = { db: Db; timersQueue: Queue; storageDir: string; publicUrl: string; log: JobsLog };

type Runner = typeof runContractReminder;

/**
 * The three contract timers share one shape (subject = job id): run the flow in the timer's transaction and enqueue
 * the follow-up timers after commit. A PDF written for a send whose transaction then fails is left unreferenced (no
 * contract row points to it), which is harmless; the API path removes it eagerly.
 */
function contractTimer(deps: ContractJobDeps, run: Runner): TimerHandler {
  return async (tx, job, now, afterCommit) => {
    const exec: ExecDeps = { now: () => now, storageDir: deps.storageDir, publicUrl: deps.publicUrl };
    const result = await run(tx, exec, job.tenantId, job.subject, job.timerId);
    afterCommit(async () => {
      await dispatchTimers(deps.db, deps.timersQueue, result.refs).catch((error: unknown) => {
        deps.log.warn(
          { err: error, timers: result.refs.length },
          "contract follow-up timers not enqueued; the sweep will",
        );
      });
    });
  };
}

export const contractAutoSend = (deps: ContractJobDeps) => contractTimer(deps, runContractAutoSend);
export const contractReminder = (deps: ContractJobDeps) => contractTimer(deps, runContractReminder);
export const contractNotSigned = (deps: ContractJobDeps) => contractTimer(deps, runContractNotSigned);
