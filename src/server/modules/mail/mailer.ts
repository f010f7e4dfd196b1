import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

/** A file sent with an e-mail (the monthly report's PDF). */
export type MailAttachment = { filename: string; content: Buffer; contentType: string };
export type Mail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };
export type Mailer = { send(mail: Mail): Promise<void>; transport: 'smtp' | 'log' };

/**
 * SMTP when configured; otherwise each e-mail goes to the server log so an operator without a mail
 * server can still pass a reset or invitation link on by hand.
 */
export function createMailer(options: { smtpUrl?: string; from: string; logger: Logger }): Mailer {
  if (!options.smtpUrl) {
    return {
      transport: 'log',
      async send(mail) {
        // Attachments are named, never written to the log.
        const attachments = mail.attachments?.map((a) => `${a.filename} (${a.contentType}, ${a.content.length} bytes)`);
        options.logger.warn({ mailTo: mail.to, subject: mail.subject, ...(attachments ? { attachments } : {}) }, `E-mail not sent (SMTP_URL is not set):\n${mail.text}`);
      },
    };
  }
  const transporter = nodemailer.createTransport(options.smtpUrl);
  return {
    transport: 'smtp',
    async send(mail) {
      await transporter.sendMail({ from: options.from, ...mail });
    },
  };
}
