import { describe, expect, it } from "vitest";
import { SX_EVENT_NAMES, SX_EVENTS, isSxEventName, sxEvent, type SxEventName } from "./sx-events";

describe("SX event catalogue", () => {
  it("keeps the codes the guide cites", () => {
    expect(SX_EVENTS[127].name).toBe("CONTRACT_SIGNATURE_IN_PAPER");
    expect(SX_EVENTS[128].name).toBe("CONTRACT_MANUALLY_UPLOADED");
    expect(SX_EVENTS[142].name).toBe("SKIP_CONTRACT");
  });

  it("has unique names, upper snake case, with an English sentence-case label", () => {
    const entries = Object.values(SX_EVENTS);
    expect(new Set(entries.map((event) => event.name)).size).toBe(entries.length);
    expect(SX_EVENT_NAMES).toHaveLength(entries.length);
    for (const event of entries) {
      expect(event.name).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(event.label).toMatch(/^[A-Z][^.]*$/);
    }
  });

  it("looks an event up by name with its code", () => {
    const signed = sxEvent("CONTRACT_SIGNED");
    expect(signed).toEqual({ code: 126, name: "CONTRACT_SIGNED", label: "Contract signed by the customer" });
    const code: 142 = sxEvent("SKIP_CONTRACT").code;
    expect(code).toBe(142);
    expect(() => sxEvent("NOPE" as SxEventName)).toThrow(/unknown SX event/);
    expect(isSxEventName("CANCELLED")).toBe(true);
    expect(isSxEventName("cancelled")).toBe(false);
  });
});
