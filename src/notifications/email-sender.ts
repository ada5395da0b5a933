/**
 * Sends e-mail through the configured SMTP server (nodemailer).
 *
 * @module
 */
import type { Transporter } from 'nodemailer';

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
  let transport: Promise<Transporter> | undefined;
  // nodemailer is loaded with the first e-mail: most processes never send one.
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
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
      }),
    ));
  return {
    async send(to, message) {
      try {
        await (
          await open()
        ).sendMail({ from: settings.from, to, subject: message.subject, text: message.text });
        return { ok: true, statusCode: null, error: null };
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return { ok: false, statusCode: null, error: text.slice(0, 500) };
      }
    },
    close() {
      void transport?.then((opened) => {
        opened.close();
      });
    },
  };
}
