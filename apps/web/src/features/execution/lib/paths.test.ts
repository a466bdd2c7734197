import { describe, expect, it } from "vitest";
import { SYSTEM_TASK_KINDS } from "@atende/domain";
import { jobPath, projectPath, taskQueuePath } from "./paths";

describe("paths", () => {
  it("keeps each persona under its own URLs", () => {
    expect(projectPath("seller", "p1")).toBe("/seller/projects/p1");
    expect(jobPath("operator", "j1")).toBe("/operator/jobs/j1");
  });

  it("narrows the queue to a task kind by type and subject words", () => {
    const url = new URL(taskQueuePath("CONTRACT_NOT_SIGNED"), "http://x");
    expect(url.pathname).toBe("/operator/queue");
    expect(url.searchParams.get("type")).toBe("task");
    expect(url.searchParams.get("q")).toBe("Contract not signed");
    for (const kind of SYSTEM_TASK_KINDS) {
      const q = new URL(taskQueuePath(kind), "http://x").searchParams.get("q") ?? "";
      expect(q.length, kind).toBeGreaterThan(3);
      expect(q.length, kind).toBeLessThanOrEqual(200);
      expect(q, kind).not.toMatch(/job\s*$/);
    }
  });
});
