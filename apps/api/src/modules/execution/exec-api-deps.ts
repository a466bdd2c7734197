import type { Db } from "@atende/db";
import type { ExecDeps } from "@atende/execution";
import type { TimerRef } from "@atende/jobs";

export type ExecApiDeps = ExecDeps & {
  db: Db;
  /** Enqueues timers once the transaction has committed (best effort: the sweep repairs). */
  dispatchTimers: (refs: TimerRef[]) => Promise<void>;
  uploadMaxBytes: number;
};

export async function dispatchAfterCommit(deps: ExecApiDeps, refs: TimerRef[]): Promise<void> {
  await deps.dispatchTimers(refs).catch(() => undefined);
}
