// Sending mail through nodemailer: to SMTP_URL when set, otherwise to the local mail catcher that
// `npm start` runs. Short timeouts, so a mail server that is down or hangs fails the attempt in
// seconds and the job queue retries it, instead of holding a worker for minutes.
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';

export interface MailerOptions {
  smtpUrl: string;
  from: string;
  /** Milliseconds; the defaults suit a real provider. Tests shorten them. */
  connectionTimeout?: number;
  socketTimeout?: number;
}

export interface Mailer {
  from: string;
  send(message: SendMailOptions): Promise<void>;
  close(): void;
}

export function createMailer(options: MailerOptions): Mailer {
  const url = new URL(options.smtpUrl);
  const transporter: Transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // One connection per message. nodemailer's pooled transport was tried: after the server refused
    // connections a few times, its later sends never settled, which would stall the worker.
    connectionTimeout: options.connectionTimeout ?? 5_000,
    greetingTimeout: options.connectionTimeout ?? 5_000,
    socketTimeout: options.socketTimeout ?? 15_000,
  });
  return {
    from: options.from,
    async send(message) {
      await transporter.sendMail({ from: options.from, ...message });
    },
    close: () => transporter.close(),
  };
}
