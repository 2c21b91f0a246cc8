import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeMember,
  requestSignUp,
  type TestApp,
  testConfig,
  uniqueEmail,
} from '../../../tests/support/app';
import { openTestDatabase } from '../../../tests/support/db';
import { categoryId, forumClient, postTopic } from '../../../tests/support/forum';
import { buildApp } from '../app';
import type { Database } from '../db';

// Issue 7, item 1: what the logs keep. The real app logs at info into a stream we read.
describe('logs keep no private data', () => {
  let t: TestApp;
  let database: Database;
  const lines: string[] = [];
  const log = () => lines.join('');

  beforeAll(async () => {
    database = await openTestDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const config = testConfig({ LOG_LEVEL: 'info' }, 'bt-logs-');
    const app = await buildApp(config, { database, logStream: stream });
    await app.ready();
    t = { app, advanceClock: () => {}, close: () => app.close() };
  });
  afterAll(async () => {
    await t?.close();
    await database?.close();
  });

  it('logs a failed query by its type, SQL and stack, without its parameters or values', async () => {
    const member = await makeMember(t);
    const topicId = await postTopic(t, member, {
      categoryId: await categoryId(t, member, 'feelings'),
    });
    // Break the table in this test's own database, so the insert fails in PostgreSQL itself.
    await database.db.execute(
      sql.raw('alter table forum_replies add constraint log_test_refuse check (false) not valid'),
    );
    const crisisWords = `I want to end my life tonight ${randomBytes(4).toString('hex')}`;
    const reply = await forumClient(t)(member, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: crisisWords,
      idempotencyKey: randomUUID(),
    });
    expect(reply.statusCode).toBe(500);
    expect(reply.body).not.toContain('forum_replies');

    await database.db.execute(
      sql.raw('alter table users add constraint log_test_refuse check (false) not valid'),
    );
    const email = uniqueEmail('private-address');
    const signUp = await requestSignUp(t.app, { email, displayName: 'Log Test' });
    expect(signUp.statusCode).toBe(500);
    for (const table of ['forum_replies', 'users']) {
      await database.db.execute(sql.raw(`alter table ${table} drop constraint log_test_refuse`));
    }

    const text = log();
    // What helps to mend it is there: the kind of error, its code, the SQL and where it came from.
    expect(text).toContain('request failed');
    expect(text).toContain('DrizzleQueryError');
    expect(text).toContain('23514');
    expect(text).toMatch(/insert into \\"forum_replies\\"/);
    expect(text).toMatch(/insert into \\"users\\"/);
    expect(text).toContain('    at ');
    // What someone wrote and who they are is not.
    expect(text).not.toContain(crisisWords);
    expect(text).not.toContain('end my life');
    expect(text).not.toContain(email);
    expect(text).not.toContain('private-address');
    expect(text).not.toContain('params');
    expect(text).not.toContain('Failing row');
  });

  it('logs request paths without search words, places or invite tokens', async () => {
    const member = await makeMember(t);
    const searchWords = `secretword${randomBytes(3).toString('hex')}`;
    const invite = randomBytes(24).toString('base64url');
    const asMember = { headers: { cookie: member.cookie } };
    const answers = await Promise.all([
      t.app.inject({ url: `/api/forum/search?q=${searchWords}+aphasia&page=2`, ...asMember }),
      t.app.inject({ url: '/api/groups?lat=51.50853&lng=-0.12574&km=25', ...asMember }),
      t.app.inject({ url: `/api/groups?near=Cheltenham&place=cheltenham&q=${searchWords}` }),
      t.app.inject({ url: `/groups/${randomUUID()}?invite=${invite}` }),
      t.app.inject({ url: `/api/groups/${randomUUID()}?invite=${invite}&token=${invite}` }),
    ]);
    expect(answers.map((a) => a.statusCode < 500)).toEqual(answers.map(() => true));

    const text = log();
    expect(text).toContain('"url":"/api/forum/search?q=redacted&page=2"');
    expect(text).toContain('/api/groups?lat=redacted&lng=redacted&km=redacted');
    for (const secret of [
      searchWords,
      invite,
      '51.50853',
      '-0.12574',
      'Cheltenham',
      'cheltenham',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
