import { desc } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db';
import { mailOutbox } from './tables';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * A one-click unsubscribe address: sent as List-Unsubscribe with List-Unsubscribe-Post
   * (RFC 8058), so a mail program can offer "unsubscribe" that works without signing in.
   */
  list?: { unsubscribe: string } | undefined;
}

export interface Mailer {
  kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise keeps mail in the dev outbox table. With
 * `keepInOutbox` (development only: it holds sign-in links) mail sent over SMTP is kept there too.
 */
export function createMailer(options: {
  smtpUrl?: string | undefined;
  from: string;
  db: Db;
  keepInOutbox?: boolean | undefined;
}): Mailer {
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      async send({ list, ...message }) {
        await transport
          .sendMail({
            from: options.from,
            ...message,
            ...(list
              ? {
                  list: { unsubscribe: { url: list.unsubscribe, comment: 'Unsubscribe' } },
                  headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
                }
              : {}),
          })
          .catch((error: unknown) => {
            throw smtpFailure(error);
          });
        if (options.keepInOutbox) await options.db.insert(mailOutbox).values(message);
      },
      close: () => transport.close(),
    };
  }
  return {
    kind: 'outbox',
    async send({ list: _list, ...message }) {
      await options.db.insert(mailOutbox).values(message);
    },
    close: () => {},
  };
}

/**
 * What an SMTP error may keep once it leaves here: the server's reply quotes the address
 * ("550 <ann@example.org>: no such user"), and the message goes to the log and to the
 * failed job an admin sees. Kept: the stage, the reply code and nodemailer's error code.
 */
export function smtpFailure(error: unknown): Error {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const stage = typeof e.command === 'string' ? e.command : undefined;
  const said = [stage && `at ${stage}`, reply && `reply ${reply}`, code].filter(Boolean);
  const failure = new Error(`Sending mail failed${said.length ? ` (${said.join(', ')})` : ''}`);
  return Object.assign(failure, { code, responseCode: reply });
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
