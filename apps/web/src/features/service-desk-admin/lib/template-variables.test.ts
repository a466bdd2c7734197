import { describe, expect, it } from "vitest";
import { NOTIFICATION_EVENTS } from "@atende/contracts";
import { EVENT_VARIABLES } from "@atende/domain";
import { insertVariable, unknownVariables } from "./template-variables";

describe("template variables", () => {
  it("flags variables the template will not receive", () => {
    expect(unknownVariables("{{customerName}} {{custmerName}}", EVENT_VARIABLES["ticket.created"])).toEqual([
      "custmerName",
    ]);
  });

  it("inserts at the caret or over the selection", () => {
    expect(insertVariable("Hello !", 6, 6, "customerName")).toEqual({ text: "Hello {{customerName}}!", caret: 22 });
    expect(insertVariable("Hello NAME!", 6, 10, "agentName")).toEqual({ text: "Hello {{agentName}}!", caret: 19 });
    expect(insertVariable("x", 99, 99, "a")).toEqual({ text: "x{{a}}", caret: 6 });
  });

  it("knows the variables of every event", () => {
    for (const event of NOTIFICATION_EVENTS) expect(EVENT_VARIABLES[event].length, event).toBeGreaterThan(0);
  });
});
