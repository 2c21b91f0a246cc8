import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, as the SMTP client gave them. */
  to: string[];
  from: string;
  raw: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
}

export interface TestSmtpServer {
  url: string;
  /** Resolves with the next message to this address (or one that came already). */
  mailTo(address: string): Promise<ReceivedMail>;
  received: ReceivedMail[];
  /**
   * Answers the next `times` RCPT TO for this address with an error (451 "try later", 550
   * "no such person"), the way a real server does: its reply names the address.
   */
  refuse(address: string, options: { code: number; times: number }): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random loopback port, keeping every message it is sent; with
 * `keepIn`, each is also written there as JSON (browser tests read them from another process).
 */
export async function startSmtpServer(options: { keepIn?: string } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiting: { address: string; resolve: (mail: ReceivedMail) => void }[] = [];
  const refusals = new Map<string, { code: number; times: number }>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const wanted = address.address.toLowerCase();
      const refusal = refusals.get(wanted);
      if (!refusal || refusal.times <= 0) return callback();
      refusal.times -= 1;
      const error = Object.assign(new Error(`<${address.address}>: not now, try again later`), {
        responseCode: refusal.code,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const parsed = parseMail(raw);
        const mail: ReceivedMail = {
          ...parsed,
          raw,
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        };
        received.push(mail);
        if (options.keepIn) {
          const file = join(options.keepIn, `${String(received.length).padStart(5, '0')}.json`);
          writeFileSync(file, JSON.stringify(mail));
        }
        for (const waiter of [...waiting]) {
          if (mail.to.includes(waiter.address)) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse(address, options) {
      refusals.set(address.toLowerCase(), { ...options });
    },
    mailTo(address) {
      const wanted = address.toLowerCase();
      const already = received.find((m) => m.to.includes(wanted));
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiting.push({ address: wanted, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Part {
  headers: Record<string, string>;
  body: string;
}

/** Splits a raw message (latin1, so bytes stay bytes) into headers and body. */
function splitPart(raw: string): Part {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  // Folded header lines start with white space: join them to the line before.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function headerParam(value: string | undefined, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(value ?? '');
  return match?.[1];
}

/** Quoted-printable (RFC 2045): soft line breaks end in "=", bytes are =XX. */
export function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const charset = (headerParam(part.headers['content-type'], 'charset') ?? 'utf-8').toLowerCase();
  const bytes =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(part.body)
      : encoding === 'base64'
        ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64')
        : Buffer.from(part.body, 'latin1');
  return new TextDecoder(charset).decode(bytes);
}

/** Encoded words in headers (RFC 2047): =?utf-8?Q?...?= and =?utf-8?B?...?=. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, charset: string, kind: string, data) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : decodeQuotedPrintable(data.replaceAll('_', ' '));
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    });
}

function collectText(part: Part, found: { text: string; html: string }) {
  const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = headerParam(part.headers['content-type'], 'boundary');
    if (!boundary) return;
    const sections = part.body.split(
      new RegExp(`\\r?\\n?--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?\\n?`),
    );
    for (const section of sections.slice(1)) {
      if (section.trim()) collectText(splitPart(section), found);
    }
    return;
  }
  if (type.startsWith('text/html')) found.html ||= decodeBody(part);
  else if (type.startsWith('text/plain')) found.text ||= decodeBody(part);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The headers, subject and the text and HTML bodies of a raw message. */
export function parseMail(raw: string) {
  const top = splitPart(raw);
  const found = { text: '', html: '' };
  collectText(top, found);
  return {
    headers: top.headers,
    subject: decodeHeader(top.headers.subject ?? ''),
    text: found.text,
    html: found.html,
  };
}
