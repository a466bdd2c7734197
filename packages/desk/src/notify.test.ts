import { describe, expect, it } from "vitest";
import { EVENT_VARIABLES, NOTIFICATION_EVENTS, NOTIFICATION_LOCALES, usedVariables } from "@atende/domain";
import { defaultTemplate, renderEmail } from "./notify";

const TICKET_EVENTS = NOTIFICATION_EVENTS.filter((event) => event.startsWith("ticket."));
const cases = TICKET_EVENTS.flatMap((event) => NOTIFICATION_LOCALES.map((locale) => [event, locale] as const));

describe("the e-mails sent while a tenant has no template of its own", () => {
  it.each(cases)("%s (%s) uses only the variables its event receives", (event, locale) => {
    const template = defaultTemplate(event, locale);
    expect(template).not.toBeNull();
    const used = [...usedVariables(template!.subject), ...usedVariables(template!.body)];
    expect(used.filter((name) => !EVENT_VARIABLES[event].includes(name))).toEqual([]);
  });

  it.each(cases)("%s (%s) given its event's variables leaves no placeholder", (event, locale) => {
    const vars = Object.fromEntries(EVENT_VARIABLES[event].map((name) => [name, `<${name}>`]));
    const mail = renderEmail(event, locale, null, "ana@example.test", vars);
    expect(mail).not.toBeNull();
    expect(`${mail!.subject}\n${mail!.text}`).not.toContain("{{");
  });

  it("reads a regional or unknown locale in its language, English by default", () => {
    expect(defaultTemplate("ticket.survey", "es-ES")).toEqual(defaultTemplate("ticket.survey", "es"));
    expect(defaultTemplate("ticket.survey", "pt")).toEqual(defaultTemplate("ticket.survey", "en"));
    expect(defaultTemplate("ticket.unknown", "en")).toBeNull();
  });

  it("leaves a variable the caller did not give visible", () => {
    const mail = renderEmail("ticket.updated", "en", { subject: "{{ticketNumber}}", body: "{{mesage}}" }, "a@b.test", {
      ticketNumber: 7,
    });
    expect(mail).toEqual({ to: ["a@b.test"], subject: "7", text: "{{mesage}}" });
  });
});
