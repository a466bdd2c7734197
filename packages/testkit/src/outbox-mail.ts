import { withTenant, type Db } from "@atende/db";
import { expect } from "vitest";

export type MailPayload = { to: string[]; subject: string; text: string };

/** The e-mails a tenant's outbox holds, oldest first, optionally only those to one address: the texts as sent. */
export async function outboxMails(db: Db, tenantId: string, to?: string): Promise<MailPayload[]> {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx.outbox.findMany({ where: { kind: "email" }, orderBy: { createdAt: "asc" } }),
  );
  const mails = rows.map((row) => row.payload as MailPayload);
  return to === undefined ? mails : mails.filter((mail) => mail.to.includes(to));
}

/** An e-mail as its reader gets it: every placeholder filled, and the texts expected in its subject or body. */
export function expectFilledMail(mail: MailPayload | undefined, expected: string[]): void {
  expect(mail, "the e-mail").toBeDefined();
  const whole = `${mail!.subject}\n${mail!.text}`;
  for (const part of expected) expect(whole).toContain(part);
  expect(whole).not.toContain("{{");
}
