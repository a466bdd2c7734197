import { describe, expect, it } from "vitest";
import { workerConfigFromEnv } from "./config";

describe("workerConfigFromEnv", () => {
  const base = { DATABASE_APP_URL: "postgresql://app@localhost/atende" };

  it("leaves the timers concurrency to the worker's default unless TIMERS_CONCURRENCY is set", () => {
    expect(workerConfigFromEnv(base).timersConcurrency).toBeNull();
    expect(workerConfigFromEnv({ ...base, TIMERS_CONCURRENCY: "" }).timersConcurrency).toBeNull();
    expect(workerConfigFromEnv({ ...base, TIMERS_CONCURRENCY: "80" }).timersConcurrency).toBe(80);
  });

  it("rejects a timers concurrency that is not a positive integer", () => {
    for (const bad of ["0", "-3", "2.5", "many"]) {
      expect(() => workerConfigFromEnv({ ...base, TIMERS_CONCURRENCY: bad })).toThrow("TIMERS_CONCURRENCY");
    }
  });
});
