import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** The recipient's language: `lang` of the message; Arabic is written right to left. */
  locale?: string;
}

/** Sends e-mails through the SMTP server of SMTP_URL; without one, nothing can be sent (the outbox keeps them). */
export interface Mailer {
  readonly isConfigured: boolean;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer {
  if (!config.smtpUrl) {
    return {
      isConfigured: false,
      send: async () => {
        throw new Error('No SMTP server configured (SMTP_URL)');
      },
      close: () => undefined,
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom });
  return {
    isConfigured: true,
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.locale ? { headers: { 'Content-Language': mail.locale } } : {}),
      });
    },
    close: () => transport.close(),
  };
}
