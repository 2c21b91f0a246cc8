import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const optionalUrl = (protocols: RegExp, message: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ protocol: protocols, error: message }).optional(),
  );

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
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';

  const dataDir = resolve(env.DATA_DIR);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
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
