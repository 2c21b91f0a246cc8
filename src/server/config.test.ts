import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const made: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bt-config-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

const secret = 's'.repeat(40);

describe('loadConfig', () => {
  it('works on a bare machine with defaults', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      env: 'development',
      isProduction: false,
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      dataDir: dir,
      databaseUrl: undefined,
      redisUrl: undefined,
      smtpUrl: undefined,
      mailFrom: 'Been There <hello@beenthere.invalid>',
      logLevel: 'info',
      devTools: true,
      seedDemo: 'auto',
      trustProxy: false,
    });
  });

  it('makes a session secret once outside production and keeps it in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret);
    expect(loadConfig({ DATA_DIR: dataDir() }).sessionSecret).not.toBe(first.sessionSecret);
  });

  it('reads the variables it is given', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://beenthere.example/',
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgresql://bt@db:5432/bt',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtps://user:pass@mail.example:465',
      MAIL_FROM: 'Us <us@example.org>',
      SESSION_SECRET: secret,
      TRUST_PROXY: 'true',
      SEED_DEMO: 'never',
      ALLOW_REMOTE_DEV: 'true',
      DATABASE_TIMEOUT_MS: '5000',
      DATABASE_START_WAIT_MS: '2000',
      REDIS_TIMEOUT_MS: '250',
      SHUTDOWN_TIMEOUT_MS: '3000',
    });
    expect(config).toMatchObject({
      env: 'test',
      port: 8080,
      host: '0.0.0.0',
      publicUrl: 'https://beenthere.example',
      databaseUrl: 'postgresql://bt@db:5432/bt',
      redisUrl: 'redis://cache:6379',
      smtpUrl: 'smtps://user:pass@mail.example:465',
      mailFrom: 'Us <us@example.org>',
      sessionSecret: secret,
      logLevel: 'silent',
      trustProxy: true,
      seedDemo: 'never',
      allowRemoteDev: true,
      databaseTimeoutMs: 5000,
      databaseStartWaitMs: 2000,
      redisTimeoutMs: 250,
      shutdownTimeoutMs: 3000,
    });
  });

  it('has timeouts that a stalled database or Redis cannot outwait', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({
      databaseTimeoutMs: 15_000,
      databaseStartWaitMs: 60_000,
      redisTimeoutMs: 1_000,
      shutdownTimeoutMs: 10_000,
    });
    expect(problemsOf({ DATA_DIR: dataDir(), REDIS_TIMEOUT_MS: 'soon' })).toEqual([
      'REDIS_TIMEOUT_MS: REDIS_TIMEOUT_MS must be a number of milliseconds',
    ]);
  });

  it('runs jobs in the server unless JOBS=off leaves them to npm run worker', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).jobs).toBe('inline');
    expect(loadConfig({ DATA_DIR: dataDir(), JOBS: 'off' }).jobs).toBe('off');
    expect(problemsOf({ DATA_DIR: dataDir(), JOBS: 'worker' })).toEqual([
      'JOBS: JOBS must be inline (the server runs jobs) or off',
    ]);
  });

  it('refuses a non-loopback HOST outside production unless ALLOW_REMOTE_DEV=true', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'beenthere.example']) {
      for (const env of ['development', 'test']) {
        const problems = problemsOf({ NODE_ENV: env, HOST: host, DATA_DIR: dataDir() });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(
          new RegExp(
            `^HOST: ${host.replaceAll('.', '\\.')} lets other machines reach the development tools, which show every sign-in link\\.`,
          ),
        );
        expect(problems[0]).toContain('ALLOW_REMOTE_DEV=true');
      }
      const allowed = loadConfig({ HOST: host, ALLOW_REMOTE_DEV: 'true', DATA_DIR: dataDir() });
      expect(allowed).toMatchObject({ host, allowRemoteDev: true, devTools: true });
      const production = loadConfig({
        NODE_ENV: 'production',
        HOST: host,
        PUBLIC_URL: 'https://beenthere.example',
        SESSION_SECRET: secret,
        SMTP_URL: 'smtp://mail.example:587',
        DATA_DIR: dataDir(),
      });
      expect(production.host).toBe(host);
    }
    for (const host of [
      '127.0.0.1',
      '127.0.1.1',
      'localhost',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ]) {
      expect(loadConfig({ HOST: host, DATA_DIR: dataDir() }).host).toBe(host);
    }
    expect(problemsOf({ HOST: '0.0.0.0', ALLOW_REMOTE_DEV: 'yes', DATA_DIR: dataDir() })).toEqual([
      'ALLOW_REMOTE_DEV: ALLOW_REMOTE_DEV must be true or false',
      'HOST: 0.0.0.0 lets other machines reach the development tools, which show every sign-in link. Use a loopback HOST (127.0.0.1), NODE_ENV=production, or set ALLOW_REMOTE_DEV=true if you really mean it',
    ]);
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: '',
      SMTP_URL: '',
      PUBLIC_URL: '',
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('turns the dev outbox and demo seeding off in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://beenthere.example',
      SESSION_SECRET: secret,
      SMTP_URL: 'smtp://mail.example:587',
      SEED_DEMO: 'always',
      DATA_DIR: dataDir(),
    });
    expect(config).toMatchObject({ isProduction: true, devTools: false, seedDemo: 'never' });
  });

  it('lists every problem together in one ConfigError', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root@localhost/bt',
      DATA_DIR: dataDir(),
    });
    expect(problems).toEqual([
      'PORT: PORT must be a number',
      'DATABASE_URL: DATABASE_URL must look like postgres://user@host:5432/name',
      'SESSION_SECRET: required in production (at least 32 random characters)',
      'PUBLIC_URL: required in production (the address people use)',
      'SMTP_URL: required in production (sign-in links go by email)',
    ]);
  });

  it('says each problem in words a person can act on', () => {
    const problems = problemsOf({
      PORT: '70000',
      SESSION_SECRET: 'short',
      REDIS_URL: 'http://cache',
      SMTP_URL: 'not a url',
      NODE_ENV: 'staging',
      DATA_DIR: dataDir(),
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT: PORT must be 0 to 65535',
        'SESSION_SECRET: SESSION_SECRET must be at least 32 characters',
        'REDIS_URL: REDIS_URL must look like redis://host:6379',
        'SMTP_URL: SMTP_URL must look like smtp://user:pass@host:587',
      ]),
    );
    expect(problems.some((p) => p.startsWith('NODE_ENV:'))).toBe(true);
    const error = new ConfigError(problems);
    expect(error.message).toContain(`${problems.length} problem(s)`);
    for (const problem of problems) expect(error.message).toContain(`  - ${problem}`);
  });

  it('does not ask for a secret in production when one was given but is too short', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://beenthere.example',
      SESSION_SECRET: 'short',
      SMTP_URL: 'smtp://mail.example:587',
      DATA_DIR: dataDir(),
    });
    expect(problems).toEqual(['SESSION_SECRET: SESSION_SECRET must be at least 32 characters']);
  });
});
