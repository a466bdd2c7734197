import type { TJob } from "@atende/contracts";

export type JobDialogProps = { job: TJob; onClose: () => void };
