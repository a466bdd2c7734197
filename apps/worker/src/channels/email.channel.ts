import { ZEmailMessage, type TEmailMessage } from "@atende/jobs";
import { createTransport } from "nodemailer";
import type { Logger } from "pino";
import { PermanentDeliveryError, type OutboxChannel } from "./channel";

/** Sends one email; `id` is the outbox row id, stable across retries. */
export type Mailer = { kind: "smtp" | "log"; send: (id: string, message: TEmailMessage) => Promise<void> };

export type SmtpMailerOptions = { url: string; from: string };

/** Timeouts stay well under the outbox lease, so a hung server cannot outlive the claim on its row. */
export function createSmtpMailer({ url, from }: SmtpMailerOptions): Mailer {
  const transport = createTransport(
    { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    kind: "smtp",
    send: async (id, message) => {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // A retry after a crash mid-send reuses the Message-ID, which lets receivers discard the duplicate.
        messageId: `<${id}@atende>`,
      });
    },
  };
}

/** Used when SMTP_URL is unset: logs only the outbox id, never recipients or content. */
export function createLogMailer(logger: Logger): Mailer {
  return {
    kind: "log",
    send: async (id) => {
      logger.info({ outboxId: id }, "email not sent: no SMTP_URL configured");
    },
  };
}

export function emailChannel(mailer: Mailer): OutboxChannel {
  return async ({ id, payload }) => {
    const parsed = ZEmailMessage.safeParse(payload);
    if (!parsed.success) throw new PermanentDeliveryError(`invalid email payload: ${parsed.error.message}`);
    await mailer.send(id, parsed.data);
  };
}
