import { describe, expect, it } from "vitest";
import { renderTemplate, templateVariables } from "./render";

describe("renderTemplate", () => {
  it("fills known variables and keeps unknown ones visible", () => {
    const body =
      "Hola {{customerName}}: tu caso {{ticketNumber}} va al {{ progress }}%, entrega {{expectedDate}}. {{nope}}";
    expect(
      renderTemplate(body, { customerName: "Ana", ticketNumber: 42, progress: 60, expectedDate: "2027-10-15" }),
    ).toBe("Hola Ana: tu caso 42 va al 60%, entrega 2027-10-15. {{nope}}");
  });

  it("treats values as plain text: no second expansion, no escaping", () => {
    expect(renderTemplate("{{a}} {{b}}", { a: "{{b}}", b: "<b>&</b>" })).toBe("{{b}} <b>&</b>");
  });

  it("renders null as empty and ignores inherited names", () => {
    expect(renderTemplate("[{{x}}] {{constructor}} {{toString}}", { x: null })).toBe("[] {{constructor}} {{toString}}");
  });

  it("lists the variables a template uses", () => {
    expect(templateVariables("{{a}} {{ b }} {{a}} {{1bad}}")).toEqual(["a", "b"]);
  });
});
