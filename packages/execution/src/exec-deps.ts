import type { TimerRef } from "@atende/jobs";
import type { SxActor } from "@atende/domain";

/** What the service-execution flows need from their host (API request or worker job). */
export type ExecDeps = {
  now: () => Date;
  storageDir: string;
  /** Base URL of the web app, for signing links in e-mails and QR codes. */
  publicUrl: string;
};

/** Who acts, for the history (label) and for the status table (sx). */
export type ExecActor = { userId: string | null; label: string; sx: SxActor };

export const SYSTEM_EXEC_ACTOR: ExecActor = { userId: null, label: "system", sx: { kind: "system" } };
export const INTEGRATION_EXEC_ACTOR: ExecActor = {
  userId: null,
  label: "order system",
  sx: { kind: "integration" },
};

/** Timers to enqueue and webhooks/e-mails already in the outbox: the host dispatches timers after commit. */
export type ExecOutcome = { refs: TimerRef[] };
