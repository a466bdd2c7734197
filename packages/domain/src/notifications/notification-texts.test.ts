import { describe, expect, it } from "vitest";
import { EVENT_VARIABLES, NOTIFICATION_EVENTS, NOTIFICATION_LOCALES, usedVariables } from "./notification-events";
import { DEFAULT_NOTIFICATION_TEMPLATES } from "./notification-texts";

describe("the built-in notification texts", () => {
  it.each(NOTIFICATION_EVENTS.flatMap((event) => NOTIFICATION_LOCALES.map((locale) => [event, locale] as const)))(
    "%s (%s) uses only the variables its event receives",
    (event, locale) => {
      const text = DEFAULT_NOTIFICATION_TEMPLATES[event][locale];
      const known = EVENT_VARIABLES[event];
      expect(usedVariables(text.subject).filter((name) => !known.includes(name))).toEqual([]);
      expect(usedVariables(text.body).filter((name) => !known.includes(name))).toEqual([]);
    },
  );

  it("gives every ticket event the common ticket variables", () => {
    for (const event of NOTIFICATION_EVENTS.filter((e) => e.startsWith("ticket."))) {
      expect(EVENT_VARIABLES[event], event).toEqual(expect.arrayContaining(["ticketNumber", "ticketLink"]));
    }
  });

  it("reads placeholders with spaces inside the braces and ignores what is not one", () => {
    expect(usedVariables("Hi {{customerName}}, case {{ ticketNumber }} for {{customerName}}; {{1x}} {x}")).toEqual([
      "customerName",
      "ticketNumber",
    ]);
  });
});
