import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const optionalUrl = (protocols: RegExp, message: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ protocol: protocols, error: message }).optional(),
  );

const optionalText = () =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());

const milliseconds = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number of milliseconds` })
    .int({ error: `${name} must be a whole number of milliseconds` })
    .min(0, { error: `${name} must be 0 or more` })
    .default(fallback);

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x: addresses only this machine can use. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const host = address.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host === '::1' ||
    /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int()
    .min(0, { error: 'PORT must be 0 to 65535' })
    .max(65535, { error: 'PORT must be 0 to 65535' })
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: optionalUrl(/^https?$/, 'PUBLIC_URL must be an http or https address'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(
    /^postgres(ql)?$/,
    'DATABASE_URL must look like postgres://user@host:5432/name',
  ),
  REDIS_URL: optionalUrl(/^rediss?$/, 'REDIS_URL must look like redis://host:6379'),
  SMTP_URL: optionalUrl(/^smtps?$/, 'SMTP_URL must look like smtp://user:pass@host:587'),
  MAIL_FROM: z.string().min(3).default('Been There <hello@beenthere.invalid>'),
  SESSION_SECRET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(32, { error: 'SESSION_SECRET must be at least 32 characters' }).optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SEED_DEMO: z.enum(['auto', 'never', 'always']).default('auto'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  ALLOW_REMOTE_DEV: z
    .enum(['true', 'false'], { error: 'ALLOW_REMOTE_DEV must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  DATABASE_TIMEOUT_MS: milliseconds('DATABASE_TIMEOUT_MS', 15_000),
  DATABASE_START_WAIT_MS: milliseconds('DATABASE_START_WAIT_MS', 60_000),
  REDIS_TIMEOUT_MS: milliseconds('REDIS_TIMEOUT_MS', 1_000),
  SHUTDOWN_TIMEOUT_MS: milliseconds('SHUTDOWN_TIMEOUT_MS', 10_000),
  JOBS: z
    .enum(['inline', 'off'], { error: 'JOBS must be inline (the server runs jobs) or off' })
    .default('inline'),
  VAPID_PUBLIC_KEY: optionalText(),
  VAPID_PRIVATE_KEY: optionalText(),
  VAPID_SUBJECT: optionalText(),
  PUSH_SERVICE_HOSTS: optionalText(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  logLevel: string;
  /** Dev outbox and demo sign-in: never in production. */
  devTools: boolean;
  seedDemo: 'auto' | 'never' | 'always';
  trustProxy: boolean;
  /** Outside production, listening on a non-loopback HOST was asked for explicitly. */
  allowRemoteDev: boolean;
  /** Longest a query may run (statement_timeout); the client gives up a little later. */
  databaseTimeoutMs: number;
  /** How long start keeps trying to reach PostgreSQL before it gives up. */
  databaseStartWaitMs: number;
  /** Longest a Redis command may take before the limits fall back to this process. */
  redisTimeoutMs: number;
  /** How long a stop waits for requests in flight. */
  shutdownTimeoutMs: number;
  /** inline: this server works the job queue; off: it only enqueues (`npm run worker` works). */
  jobs: 'inline' | 'off';
  /** The VAPID key pair, base64url; null: made once and kept in the database (push_keys). */
  vapidKeys: { publicKey: string; privateKey: string } | null;
  /** Who push services may contact about our messages: a mailto: or https: address. */
  vapidSubject: string;
  /**
   * Where push messages may go: hosts (`*.` for any subdomain) reached over https on port
   * 443, or exact origins (`http://127.0.0.1:4000` for tests). A browser names its push
   * service; anything else is refused, so the server never posts where a member says.
   */
  pushServices: string[];
}

/** The push services browsers use: Chrome, Edge's Chromium and Samsung (FCM), Firefox, Windows, Safari. */
export const KNOWN_PUSH_SERVICES = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  '*.notify.windows.com',
  'web.push.apple.com',
  '*.push.apple.com',
];

const base64urlBytes = (value: string) =>
  /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url').length : -1;

/** The VAPID settings, or the problems with them. */
function vapidFrom(env: Env, publicUrl: string, problems: string[]) {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = env;
  let vapidKeys: Config['vapidKeys'] = null;
  if (publicKey && privateKey) {
    if (base64urlBytes(publicKey) !== 65 || !publicKey.startsWith('B')) {
      problems.push(
        'VAPID_PUBLIC_KEY: must be an uncompressed P-256 public key, base64url (87 characters)',
      );
    }
    if (base64urlBytes(privateKey) !== 32) {
      problems.push('VAPID_PRIVATE_KEY: must be a P-256 private key, base64url (43 characters)');
    }
    vapidKeys = { publicKey, privateKey };
  } else if (publicKey || privateKey) {
    problems.push(
      'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither (then a pair is made once and kept in the database)',
    );
  }
  const address =
    /<([^<>\s]+@[^<>\s]+)>/.exec(env.MAIL_FROM)?.[1] ??
    (/^[^<>\s]+@[^<>\s]+$/.test(env.MAIL_FROM.trim()) ? env.MAIL_FROM.trim() : undefined);
  const vapidSubject = env.VAPID_SUBJECT ?? (address ? `mailto:${address}` : publicUrl);
  if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s/]+.*)$/.test(vapidSubject)) {
    problems.push(
      `VAPID_SUBJECT: must be a mailto: or https: address push services can reach us at${env.VAPID_SUBJECT ? '' : ' (MAIL_FROM has no address and PUBLIC_URL is not https)'}`,
    );
  }
  return { vapidKeys, vapidSubject };
}

/** PUSH_SERVICE_HOSTS as a list of hosts and origins, each checked. */
function pushServicesFrom(value: string | undefined, problems: string[]): string[] {
  if (value === undefined) return KNOWN_PUSH_SERVICES;
  const entries = value
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    const host = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
    const origin = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/;
    if (!host.test(entry) && !origin.test(entry)) {
      problems.push(
        `PUSH_SERVICE_HOSTS: ${entry} is not a host (fcm.googleapis.com, *.notify.windows.com) or an origin (http://127.0.0.1:4000)`,
      );
    }
  }
  // Origins as URL writes them (no default port), so an endpoint's origin compares equal.
  return entries.map((e) => (e.includes('://') && URL.canParse(e) ? new URL(e).origin : e));
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and checks the environment once; throws ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`);
  // Checked even when other values are wrong, so one run lists every problem.
  if (source.NODE_ENV === 'production') {
    if (!source.SESSION_SECRET) {
      problems.push('SESSION_SECRET: required in production (at least 32 random characters)');
    }
    if (!source.PUBLIC_URL) {
      problems.push('PUBLIC_URL: required in production (the address people use)');
    }
    if (!source.SMTP_URL) {
      // Without mail nobody can get a sign-in link: the dev outbox is off in production.
      problems.push('SMTP_URL: required in production (sign-in links go by email)');
    }
  }
  // The dev outbox shows every sign-in link: outside production, stay on this machine.
  if (
    source.NODE_ENV !== 'production' &&
    source.ALLOW_REMOTE_DEV !== 'true' &&
    source.HOST &&
    !isLoopbackAddress(source.HOST)
  ) {
    problems.push(
      `HOST: ${source.HOST} lets other machines reach the development tools, which show every sign-in link. Use a loopback HOST (127.0.0.1), NODE_ENV=production, or set ALLOW_REMOTE_DEV=true if you really mean it`,
    );
  }
  if (!parsed.success) throw new ConfigError(problems);
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';

  const dataDir = resolve(env.DATA_DIR);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  const { vapidKeys, vapidSubject } = vapidFrom(env, publicUrl, problems);
  const pushServices = pushServicesFrom(env.PUSH_SERVICE_HOSTS, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    sessionSecret: env.SESSION_SECRET ?? developmentSecret(dataDir),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    devTools: !isProduction,
    seedDemo: isProduction ? 'never' : env.SEED_DEMO,
    trustProxy: env.TRUST_PROXY,
    allowRemoteDev: env.ALLOW_REMOTE_DEV,
    databaseTimeoutMs: env.DATABASE_TIMEOUT_MS,
    databaseStartWaitMs: env.DATABASE_START_WAIT_MS,
    redisTimeoutMs: env.REDIS_TIMEOUT_MS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    jobs: env.JOBS,
    vapidKeys,
    vapidSubject,
    pushServices,
  };
}

/** Outside production a secret is made once and kept in DATA_DIR so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet: make one below
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
