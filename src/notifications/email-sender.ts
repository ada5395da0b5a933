/**
 * Sends e-mail through the configured SMTP server (nodemailer).
 *
 * @module
 */
import nodemailer from 'nodemailer';

import type { EmailMessage } from './email-message.js';
import type { SendResult } from './webhook-sender.js';

/** SMTP settings (`notifications.smtp` in the configuration). */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  /** The From address, e.g. `Puente <alertas@banco.example>`. */
  readonly from: string;
  /** Refuse to send without TLS (set in production). */
  readonly requireTls: boolean;
}

/** Sends one message to one address. */
export interface EmailSender {
  send(to: string, message: EmailMessage): Promise<SendResult>;
  close(): void;
}

/**
 * A sender over one pooled SMTP transport.
 *
 * @example
 * const sender = smtpEmailSender({ host: 'smtp.example', port: 587, secure: false, from, requireTls: true });
 */
export function smtpEmailSender(settings: SmtpSettings, timeoutMs = 30_000): EmailSender {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTls,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    ...(settings.user === undefined
      ? {}
      : { auth: { user: settings.user, pass: settings.password ?? '' } }),
  });
  return {
    async send(to, message) {
      try {
        await transport.sendMail({
          from: settings.from,
          to,
          subject: message.subject,
          text: message.text,
        });
        return { ok: true, statusCode: null, error: null };
      } catch (error) {
        return {
          ok: false,
          statusCode: null,
          error: String(error instanceof Error ? error.message : error).slice(0, 500),
        };
      }
    },
    close() {
      transport.close();
    },
  };
}
