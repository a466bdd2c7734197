import { describe, expect, it } from "vitest";
import { fillTemplate, unfilledPlaceholders } from "./reply-template";

describe("fillTemplate", () => {
  it("fills the known variables, including repeated and spaced placeholders", () => {
    const body = "Hello {{customerName}}: case {{ticketNumber}} ({{ ticketNumber }}) is in hand.";
    expect(fillTemplate(body, { customerName: "Carla", ticketNumber: 42 })).toBe(
      "Hello Carla: case 42 (42) is in hand.",
    );
  });

  it("leaves unknown or empty variables for the agent to fill", () => {
    expect(fillTemplate("Write to {{supportEmail}}, {{customerName}}", { customerName: "" })).toBe(
      "Write to {{supportEmail}}, {{customerName}}",
    );
  });

  it("lists what is left to fill, once each", () => {
    expect(unfilledPlaceholders("{{a}} and {{b}} and {{a}}")).toEqual(["a", "b"]);
    expect(unfilledPlaceholders("nothing left")).toEqual([]);
  });
});
