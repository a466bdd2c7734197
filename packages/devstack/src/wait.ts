export type WaitOptions = {
  timeoutMs: number;
  intervalMs?: number;
  /** Completes the timeout message: "Timed out after 10000 ms waiting for <what>". */
  what: string;
};

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `fn` until it returns something other than undefined and returns that value.
 * An error thrown by `fn` ends the wait at once (use it for "the process died, stop waiting").
 */
export async function waitFor<T>(fn: () => Promise<T | undefined> | T | undefined, opts: WaitOptions): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  const intervalMs = opts.intervalMs ?? 100;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`Timed out after ${opts.timeoutMs} ms waiting for ${opts.what}`);
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}
