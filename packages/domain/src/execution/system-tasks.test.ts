import { describe, expect, it } from "vitest";
import { DEFAULT_PRIORITIES } from "../tickets/classification";
import { isSxEventName } from "./sx-events";
import { SYSTEM_TASK_GROUPS, SYSTEM_TASK_KINDS, SYSTEM_TASK_META, tasksClosedBy } from "./system-tasks";

describe("system tasks", () => {
  it("routes every kind to a seeded group with a default priority and a subject naming the job", () => {
    const priorities = DEFAULT_PRIORITIES.map((priority) => priority.code);
    for (const kind of SYSTEM_TASK_KINDS) {
      const meta = SYSTEM_TASK_META[kind];
      expect(SYSTEM_TASK_GROUPS).toContain(meta.groupCode);
      expect(priorities).toContain(meta.priority);
      expect(meta.subject("SX-1042")).toContain("SX-1042");
      for (const event of meta.closesOn) expect(isSxEventName(event)).toBe(true);
    }
  });

  it("sends contract and customer requests to the back-office, provider matters to L3, disputes to L2", () => {
    expect(SYSTEM_TASK_META.CONTRACT_NOT_SIGNED.groupCode).toBe("BACK-OFFICE");
    expect(SYSTEM_TASK_META.CUSTOMER_CANCEL_REQUEST.groupCode).toBe("BACK-OFFICE");
    expect(SYSTEM_TASK_META.NEED_TO_ASSIGN_PROVIDER.groupCode).toBe("L3");
    expect(SYSTEM_TASK_META.NO_SHOW.groupCode).toBe("L3");
    expect(SYSTEM_TASK_META.INVOICE_DISPUTE.groupCode).toBe("L2");
  });

  it("closes the task the event resolves", () => {
    for (const event of ["CONTRACT_SIGNED", "CONTRACT_SIGNATURE_IN_PAPER", "SKIP_CONTRACT"] as const) {
      expect(tasksClosedBy(event)).toEqual(["CONTRACT_NOT_SIGNED"]);
    }
    expect(tasksClosedBy("CANCELLED")).toContain("ZONE_CHANGE");
    expect(tasksClosedBy("NOTE_ADDED")).toEqual([]);
  });
});
