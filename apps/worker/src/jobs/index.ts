import type { TimerHandlers } from "@atende/jobs";
import { sessionExpiry } from "./session-expiry.job";

/** Every timer kind's handler; typed as a full record so adding a kind to the catalogue without a handler fails to compile. */
export const timerHandlers: TimerHandlers = {
  "session-expiry": sessionExpiry,
};
