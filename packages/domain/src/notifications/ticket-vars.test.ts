import { describe, expect, it } from "vitest";
import { TICKET_VARIABLES } from "./notification-events";
import { clockLabel, formatEmailDate, periodicUpdateMessage } from "./notification-labels";
import { ticketLink, ticketNotificationVars, type TicketVarsInput } from "./ticket-vars";

const input: TicketVarsInput = {
  ticket: {
    id: "0190f0e2-7a4b-7c3d-8e5f-123456789abc",
    number: 42,
    subject: "Router down",
    status: "in_progress",
    priority: "high",
  },
  locale: "en",
  publicUrl: "https://desk.example.test/",
  audience: "customer",
  customerName: "María Pérez",
  agentName: "Ana Agent",
};

describe("ticketNotificationVars", () => {
  it("gives every common variable, with the status and priority in the e-mail's language", () => {
    const vars = ticketNotificationVars(input);
    expect(Object.keys(vars).sort()).toEqual([...TICKET_VARIABLES].sort());
    expect(vars).toEqual({
      customerName: "María Pérez",
      ticketNumber: "42",
      ticketSubject: "Router down",
      ticketStatus: "In progress",
      priority: "High",
      ticketLink: "https://desk.example.test/portal/tickets/0190f0e2-7a4b-7c3d-8e5f-123456789abc",
      agentName: "Ana Agent",
    });
    expect(ticketNotificationVars({ ...input, locale: "es-ES" })).toMatchObject({
      ticketStatus: "En curso",
      priority: "Alta",
    });
  });

  it("writes empty names rather than leaving a placeholder, and keeps codes it has no label for", () => {
    const vars = ticketNotificationVars({
      ...input,
      locale: "pt",
      ticket: { ...input.ticket, number: null, status: "on_fire", priority: "P1" },
      customerName: null,
      agentName: null,
    });
    expect(vars).toMatchObject({ customerName: "", agentName: "", ticketNumber: "", ticketStatus: "on_fire" });
    expect(vars.priority).toBe("P1");
  });

  it("passes the creation's number slot through for the database to fill", () => {
    const slot = "case-number-0190f0e2-7a4b-7c3d-8e5f-123456789abc";
    expect(ticketNotificationVars({ ...input, ticket: { ...input.ticket, number: slot } }).ticketNumber).toBe(slot);
  });

  it("links staff to the ticket in the queue, where agents work it", () => {
    expect(ticketLink("http://localhost:3000", "staff", "t-1")).toBe("http://localhost:3000/operator/queue/t-1");
    expect(ticketNotificationVars({ ...input, audience: "staff" }).ticketLink).toBe(
      "https://desk.example.test/operator/queue/0190f0e2-7a4b-7c3d-8e5f-123456789abc",
    );
  });
});

describe("e-mail labels and dates", () => {
  it("names clocks and writes the periodic update in the recipient's language", () => {
    expect(clockLabel("first_response", "en")).toBe("first response");
    expect(clockLabel("follow_up", "es")).toBe("informe de seguimiento");
    expect(periodicUpdateMessage("pending", "es")).toBe("Estado actual: Pendiente.");
    expect(periodicUpdateMessage("open", "en")).toBe("Current status: Open.");
  });

  it("shows instants in UTC to the minute", () => {
    expect(formatEmailDate(new Date("2026-11-26T15:05:59.999+01:00"))).toBe("2026-11-26 14:05 UTC");
  });
});
