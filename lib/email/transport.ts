// Sending mail through nodemailer: to SMTP_URL when set, otherwise to the local mail catcher that
// `npm start` runs. Short timeouts, so a mail server that is down is reported in seconds, not minutes.
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

export class MailDeliveryError extends Error {}

let transporter: Transporter | undefined;

function transport(): Transporter {
  transporter ??= nodemailer.createTransport(env.SMTP_URL ?? `smtp://127.0.0.1:${env.MAILDEV_SMTP_PORT}`, {
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 15_000,
  });
  return transporter;
}

/** Sends now; throws MailDeliveryError when the server cannot be reached or refuses the message. */
export async function sendEmail(email: OutgoingEmail): Promise<void> {
  try {
    await transport().sendMail({ from: env.MAIL_FROM, ...email });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Mail to ${email.to} not sent: ${reason}`);
    throw new MailDeliveryError(reason);
  }
}
