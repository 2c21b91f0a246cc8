import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  makeMember,
  ORIGIN,
  promote,
  randomIp,
  startTestApp,
  type TestApp,
  uniqueEmail,
  verifyEmailLink,
} from '../../../tests/support/app';
import { startSmtpServer, type TestSmtpServer } from '../../../tests/support/mail';
import { CONDUCT_VERSION } from '../../contract';
import { queryRows } from '../db';
import { createEventBus } from './events';
import { createJobQueue, type JobQueue } from './jobs';

// Issue 9, item 3: jobs exist exactly when their change committed, retry with backoff,
// and are kept when they keep failing.

declare module './jobs' {
  interface JobTypes {
    'test-record': { n: number };
    'test-fails': { n: number };
    'test-once': { n: number };
    'test-twice': { n: number };
  }
}
declare module './events' {
  interface AppEvents {
    'test.happened': { n: number };
  }
}

const quiet = { warn: () => {}, error: () => {} };

let t: TestApp;
let queue: JobQueue;
const recorded: number[] = [];
const failedTries: { n: number; at: number; retryCount: number }[] = [];
const sideEffects: Record<'test-once' | 'test-twice', number[]> = {
  'test-once': [],
  'test-twice': [],
};

beforeAll(async () => {
  t = await startTestApp();
  // A second queue on the app's own database, with jobs of its own for these tests.
  queue = createJobQueue({ db: t.app.ctx.database.db, work: true, log: quiet, pollMs: 100 });
  queue.define('test-record', { retryLimit: 0, retryDelaySeconds: 1 }, async ({ n }) => {
    recorded.push(n);
  });
  queue.define('test-fails', { retryLimit: 2, retryDelaySeconds: 1 }, async ({ n }, job) => {
    failedTries.push({ n, at: Date.now(), retryCount: job.retryCount });
    throw new Error(`test job ${n} cannot be done`);
  });
  for (const name of ['test-once', 'test-twice'] as const) {
    const once = name === 'test-once';
    queue.define(name, { retryLimit: 2, retryDelaySeconds: 1, once }, async (_data, job) => {
      sideEffects[name].push(job.retryCount);
    });
  }
  await queue.start();
});
afterAll(async () => {
  await queue?.stop();
  await t?.close();
});

async function jobsNamed(name: string) {
  return queryRows<{ state: string; data: unknown }>(
    t.app.ctx.database.db,
    sql`select state, data from pgboss.job where name = ${name}`,
  );
}

describe('jobs after commit', () => {
  it('never runs a job enqueued in a transaction that rolled back', async () => {
    const bus = createEventBus(quiet);
    const heard: number[] = [];
    bus.on('test.happened', ({ n }) => {
      heard.push(n);
    });
    const change = async (n: number, fail: boolean) => {
      await queue.transaction(async (_tx, enqueue) => {
        await enqueue('test-record', { n });
        if (fail) throw new Error('rolled back');
      });
      bus.publish('test.happened', { n });
    };

    await expect(change(1, true)).rejects.toThrow('rolled back');
    await change(2, false);
    await queue.drain();
    await new Promise((r) => setTimeout(r, 300));

    expect(recorded).toEqual([2]);
    expect(heard).toEqual([2]);
    expect((await jobsNamed('test-record')).map((j) => j.data)).toEqual([{ n: 2 }]);
  });

  it('retries a job that throws, later each time, then keeps it as failed for admins', async () => {
    await queue.transaction(async (_tx, enqueue) => enqueue('test-fails', { n: 7 }));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await jobsNamed('test-fails'))[0]?.state !== 'failed') {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await jobsNamed('test-fails')).map((j) => j.state)).toEqual(['failed']);
    // The first try and two retries; backoff: 1–2 s before the first retry, 2–4 s before the next.
    expect(failedTries.map((f) => f.retryCount)).toEqual([0, 1, 2]);
    const [first, second, third] = failedTries.map((f) => f.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(1_900);

    const admin = await makeMember(t);
    await promote(t, admin.user.id, 'admin');
    const res = await t.app.inject({
      url: '/api/admin/jobs/failed',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().jobs).toEqual([
      expect.objectContaining({
        name: 'test-fails',
        retryCount: 2,
        error: 'test job 7 cannot be done',
      }),
    ]);

    const member = await makeMember(t);
    const refused = await t.app.inject({
      url: '/api/admin/jobs/failed',
      headers: { cookie: member.cookie },
    });
    expect(refused.statusCode).toBe(403);
  }, 30_000);
});

describe('jobs defined with once', () => {
  it('runs the side effect once when the job is done but recording its completion fails', async () => {
    const db = t.app.ctx.database.db;
    // The first completion of each of these jobs fails, as if the process died just
    // before it: pg-boss then runs the job again. A sequence counts its tries outside
    // the transaction that the failure rolls back.
    await db.execute(sql`create sequence test_completions_test_once`);
    await db.execute(sql`create sequence test_completions_test_twice`);
    await db.execute(
      sql.raw(`create function test_lose_first_completion() returns trigger language plpgsql as $$
        begin
          if nextval(('test_completions_' || replace(new.name, '-', '_'))::regclass) = 1 then
            raise exception 'completion lost';
          end if;
          return new;
        end $$`),
    );
    await db.execute(
      sql.raw(`create trigger test_lose_first_completion before update on pgboss.job
        for each row when (new.state = 'completed' and new.name in ('test-once', 'test-twice'))
        execute function test_lose_first_completion()`),
    );
    try {
      await queue.transaction(async (_tx, enqueue) => {
        await enqueue('test-once', { n: 1 });
        await enqueue('test-twice', { n: 1 });
      });
      const done = async () =>
        (await jobsNamed('test-once'))[0]?.state === 'completed' &&
        (await jobsNamed('test-twice'))[0]?.state === 'completed';
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && !(await done())) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await done()).toBe(true);
      // Both jobs ran a second time; only the one without `once` repeated its side effect.
      expect(sideEffects['test-twice']).toEqual([0, 1]);
      expect(sideEffects['test-once']).toEqual([0]);
      const kept = await queryRows<{ name: string }>(
        db,
        sql`select name from job_done where name like 'test-%'`,
      );
      expect(kept).toEqual([{ name: 'test-once' }]);
    } finally {
      await db.execute(sql`drop trigger test_lose_first_completion on pgboss.job`);
      await db.execute(sql`drop function test_lose_first_completion()`);
      await db.execute(sql`drop sequence test_completions_test_once, test_completions_test_twice`);
    }
  }, 20_000);

  it('forgets finished jobs after 14 days, when a working queue starts', async () => {
    const db = t.app.ctx.database.db;
    const [old, recent] = [randomUUID(), randomUUID()];
    await db.execute(sql`insert into job_done (job_id, name, done_at) values
      (${old}, 'test-once', now() - interval '15 days'),
      (${recent}, 'test-once', now() - interval '13 days')`);
    const another = createJobQueue({ db, work: true, log: quiet });
    await another.start();
    await another.stop();
    const left = await queryRows<{ job_id: string }>(
      db,
      sql`select job_id from job_done where job_id in (${old}, ${recent})`,
    );
    expect(left).toEqual([{ job_id: recent }]);
  });
});

describe('sign-in mail on the queue', () => {
  let smtp: TestSmtpServer;
  let mailApp: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    mailApp = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await mailApp?.close();
    await smtp?.close();
  });

  it('answers at once, and the job mails a link that arrives over SMTP and works', async () => {
    const email = uniqueEmail('queued');
    const ip = randomIp();
    const asked = await mailApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      remoteAddress: ip,
      headers: { origin: ORIGIN },
      payload: {
        email,
        displayName: 'Queued Reader',
        role: 'survivor',
        isAdult: true,
        acceptConduct: true,
        conductVersion: CONDUCT_VERSION,
      },
    });
    expect(asked.statusCode, asked.body).toBe(202);

    const mail = await smtp.mailTo(email);
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(token).toBeDefined();

    // The mail went before the job was marked done: let that finish.
    await mailApp.app.ctx.jobs.drain();
    const jobs = await queryRows<{ state: string; data: Record<string, unknown> }>(
      mailApp.app.ctx.database.db,
      sql`select state, data from pgboss.job where name = 'accounts-mail'`,
    );
    expect(jobs).toEqual([
      {
        state: 'completed',
        data: expect.objectContaining({ kind: 'sign-in-link', welcome: true }),
      },
    ]);
    // The job says what caused it; the token is made as the mail goes, and is never stored in it.
    expect(JSON.stringify(jobs)).not.toContain(token);

    const verify = await verifyEmailLink(mailApp.app, token!, ip);
    expect(verify.statusCode, verify.body).toBe(200);
    expect(cookieFrom(verify)).toBeDefined();
  });
});
