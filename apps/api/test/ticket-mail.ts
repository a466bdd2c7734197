import type { TestApp } from "./app";

/** Where a customer follows the ticket: the address its e-mails link to. */
export const portalLink = (t: TestApp, ticketId: string) => `${t.config.publicUrl}/portal/tickets/${ticketId}`;
