import { describe, expect, it } from "vitest";
import { contractActions, menuEntries } from "./job-actions";
import { customerPhase, progressValue } from "./customer-phase";

describe("menuEntries", () => {
  it("lists exactly the allowed actions, in catalogue order, with what each opens", () => {
    const entries = menuEntries(["cancel", "add_note", "reschedule", "assign_provider", "send_contract"]);
    expect(entries.map((entry) => entry.action)).toEqual([
      "send_contract",
      "reschedule",
      "cancel",
      "add_note",
      "assign_provider",
    ]);
    expect(entries[0]).toEqual({ action: "send_contract", kind: "dialog", dialog: "send_contract" });
    expect(entries[3]).toEqual({ action: "add_note", kind: "tab", tab: "notes" });
    expect(entries[4]).toEqual({ action: "assign_provider", kind: "unavailable" });
  });

  it("is empty when nothing is allowed", () => {
    expect(menuEntries([])).toEqual([]);
  });
});

describe("contractActions", () => {
  it("keeps the allowed contract actions only", () => {
    expect(contractActions(["reschedule", "skip_contract", "print_contract"])).toEqual([
      "print_contract",
      "skip_contract",
    ]);
  });
});

describe("customer phases", () => {
  it("maps the status machine to plain steps", () => {
    expect(customerPhase("pre_scheduled")).toBe("awaiting_signature");
    expect(customerPhase("distributed")).toBe("finding_professional");
    expect(customerPhase("closed")).toBe("completed");
  });

  it("bounds the progress and shows none for a cancelled job", () => {
    expect(progressValue("in_progress", 140)).toBe(100);
    expect(progressValue("scheduled", -2)).toBe(0);
    expect(progressValue("cancelled", 60)).toBe(0);
    expect(progressValue("confirmed", 42.4)).toBe(42);
  });
});
