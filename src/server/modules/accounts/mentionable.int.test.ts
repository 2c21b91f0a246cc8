import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  ORIGIN,
  promote,
  requestSignUp,
  startTestApp,
  type TestApp,
  uniqueEmail,
} from '../../../../tests/support/app';
import { expectProblem } from '../../../../tests/support/forum';
import { limitRules } from '../../lib/rate-limit';

/**
 * GET /api/members/mentionable: the names the composer's "@" picker offers. By the start
 * of a name or of a word in it, in name order, eight at most, never the asker, and only
 * accounts someone has signed in to.
 */

let t: TestApp;
let maria: Member;
let asker: Member;
const named: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const people = [
    'Maria Lopez',
    'Mark Ode',
    'ana marsh',
    'Jo Mary-Jane',
    'Zoe Amara',
    'Tomas Green',
    '100% Sam',
    'Ivy_Rose',
  ];
  const made = await Promise.all(people.map((displayName) => makeMember(t, { displayName })));
  for (const member of made) named[member.user.displayName] = member.user.id;
  maria = made[0]!;
  asker = await makeMember(t, { displayName: 'Asker Person' });
  // Signed up, but the link was never used: nobody has shown the address is theirs.
  const pending = await requestSignUp(t.app, { email: uniqueEmail(), displayName: 'Mara Pending' });
  expect(pending.statusCode).toBe(202);
});
afterAll(() => t?.close());

function find(who: Member | null, q: string | null) {
  return t.app.inject({
    method: 'GET',
    url: `/api/members/mentionable${q === null ? '' : `?q=${encodeURIComponent(q)}`}`,
    headers: { origin: ORIGIN, ...(who ? { cookie: who.cookie } : {}) },
  });
}

async function namesFor(who: Member, q: string): Promise<string[]> {
  const response = await find(who, q);
  expect(response.statusCode, response.body).toBe(200);
  const { members } = response.json() as { members: { id: string; displayName: string }[] };
  for (const m of members) expect(m.id).toBe(named[m.displayName]);
  return members.map((m) => m.displayName);
}

describe('who may ask', () => {
  it('is for members: nobody signed in gets a plain 401', async () => {
    const problem = expectProblem(await find(null, 'ma'), 401);
    expect(problem.title).toMatch(/^[A-Z].*[.!?]$/);
  });

  it('answers members and admins alike, and is not read as a member id', async () => {
    const admin = await makeMember(t, { displayName: 'Adele Ames' });
    await promote(t, admin.user.id, 'admin');
    for (const who of [asker, admin]) {
      expect(await namesFor(who, 'lopez')).toEqual(['Maria Lopez']);
    }
  });
});

describe('what it finds', () => {
  it('finds the start of a name or of a word in it, in name order, whatever the case', async () => {
    // "Zoe Amara" and "Tomas Green" hold "ma" inside a word only; "Mara Pending" never signed in.
    expect(await namesFor(asker, 'ma')).toEqual([
      'ana marsh',
      'Jo Mary-Jane',
      'Maria Lopez',
      'Mark Ode',
    ]);
    expect(await namesFor(asker, 'MARI')).toEqual(['Maria Lopez']);
    // A word after a dash starts a word too.
    expect(await namesFor(asker, 'jane')).toEqual(['Jo Mary-Jane']);
    // More than one word, as people type a whole name.
    expect(await namesFor(asker, 'maria lo')).toEqual(['Maria Lopez']);
    expect(await namesFor(asker, 'maria x')).toEqual([]);
  });

  it('tidies what was typed as names are tidied: spaces around, doubled or hidden', async () => {
    expect(await namesFor(asker, '  maria  ')).toEqual(['Maria Lopez']);
    expect(await namesFor(asker, 'maria   lopez')).toEqual(['Maria Lopez']);
    expect(await namesFor(asker, 'ma\u200Bria')).toEqual(['Maria Lopez']);
    expect(await namesFor(asker, '\u200B')).toEqual([]);
  });

  it('never offers the person asking', async () => {
    expect(await namesFor(maria, 'maria')).toEqual([]);
    expect(await namesFor(maria, 'ma')).toEqual(['ana marsh', 'Jo Mary-Jane', 'Mark Ode']);
  });

  it('takes % and _ as the letters they are, not as wildcards', async () => {
    expect(await namesFor(asker, '%')).toEqual([]);
    expect(await namesFor(asker, '_')).toEqual([]);
    expect(await namesFor(asker, '\\')).toEqual([]);
    expect(await namesFor(asker, '100%')).toEqual(['100% Sam']);
    expect(await namesFor(asker, 'ivy_')).toEqual(['Ivy_Rose']);
    expect(await namesFor(asker, 'ivy%')).toEqual([]);
  });

  it('gives eight names at most, the first eight by name', async () => {
    const letters = ['I', 'H', 'G', 'F', 'E', 'D', 'C', 'B', 'A'];
    const quinns = await Promise.all(
      letters.map((l) => makeMember(t, { displayName: `Quinn ${l}` })),
    );
    for (const q of quinns) named[q.user.displayName] = q.user.id;
    expect(await namesFor(asker, 'quinn')).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((l) => `Quinn ${l}`),
    );
  });
});

describe('what it refuses', () => {
  it.each([
    ['no q', null],
    ['an empty q', ''],
    ['only spaces', '   '],
    ['61 letters', 'a'.repeat(61)],
    ['a control character', 'ma\u0001'],
  ])('%s: a plain 400 that says what to do', async (_, q) => {
    const problem = expectProblem(await find(asker, q), 400);
    expect(problem.title).toMatch(/^[A-Z][^{}<>]*[.?!]$/);
  });

  it('says so in plain words when q is empty or too long', async () => {
    expect(expectProblem(await find(asker, ''), 400).errors?.q).toBe(
      'Please type the start of a name.',
    );
    expect(expectProblem(await find(asker, 'a'.repeat(61)), 400).errors?.q).toBe(
      'Please type only the start of a name.',
    );
  });

  it('holds one person to a limit of look-ups an hour: then a plain 429', async () => {
    const busy = await makeMember(t, { displayName: 'Busy Bee' });
    const { points } = limitRules.mentionSearchPerUser;
    for (let i = 0; i < points; i++) {
      await t.app.ctx.limits.consume('mentionSearchPerUser', busy.user.id);
    }
    const response = await find(busy, 'ma');
    expectProblem(response, 429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else is not held up by it.
    expect((await find(asker, 'ma')).statusCode).toBe(200);
  });
});
