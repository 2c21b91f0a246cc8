import { desc } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db';
import { mailOutbox } from './tables';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Sends over SMTP when SMTP_URL is set; otherwise keeps mail in the dev outbox table. */
export function createMailer(options: {
  smtpUrl?: string | undefined;
  from: string;
  db: Db;
}): Mailer {
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      async send(message) {
        await transport.sendMail({ from: options.from, ...message });
      },
      close: () => transport.close(),
    };
  }
  return {
    kind: 'outbox',
    async send(message) {
      await options.db.insert(mailOutbox).values(message);
    },
    close: () => {},
  };
}

export async function recentOutbox(db: Db, limit = 50) {
  return db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c]!);
}

/** A calm, plain mail: short paragraphs and one big button. Every value is escaped. */
export function renderMail(parts: {
  greeting: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  footer: string;
}): { text: string; html: string } {
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...(parts.button ? [`${parts.button.label}: ${parts.button.url}`, ''] : []),
    parts.footer,
  ].join('\n');
  const p = (s: string) =>
    `<p style="font-size:20px;line-height:1.5;margin:0 0 16px">${escapeHtml(s)}</p>`;
  const button = parts.button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(parts.button.url)}" style="display:inline-block;background:#0b4f8a;color:#ffffff;font-size:22px;padding:14px 24px;border-radius:8px;text-decoration:none">${escapeHtml(parts.button.label)}</a></p>`
    : '';
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1a1a1a;max-width:600px">${p(parts.greeting)}${parts.paragraphs.map(p).join('')}${button}<p style="font-size:16px;line-height:1.5;color:#333">${escapeHtml(parts.footer)}</p></body></html>`;
  return { text, html };
}
