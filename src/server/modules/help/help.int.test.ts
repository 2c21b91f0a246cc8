import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  ORIGIN,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import type { CrisisLine, CrisisLineInput, HelpResponse } from '../../../contract/help';
import { t as translate } from '../../lib/i18n';
import { seededCountries } from './crisis-lines.data';
import { FALLBACK_EMERGENCY_NUMBER } from './service';

let t: TestApp;
let member: Member;
let moderator: Member;
let admin: Member;

beforeAll(async () => {
  t = await startTestApp();
  [member, moderator, admin] = await Promise.all([
    makeMember(t, { displayName: 'Member' }),
    makeMember(t, { displayName: 'Mona' }),
    makeMember(t, { displayName: 'Adam' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');
});
afterAll(() => t.close());

async function help(query = '', cookie?: string): Promise<HelpResponse> {
  const res = await t.app.inject({
    url: `/api/help${query}`,
    headers: cookie ? { cookie } : {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/help', () => {
  it.each(Object.entries(seededCountries))(
    'gives %s its emergency number first, then crisis lines',
    async (code, { emergency }) => {
      const body = await help(`?country=${code}`);
      expect(body.country).toBe(code);
      expect(body.known).toBe(true);
      expect(body.emergencyNumber).toBe(emergency);
      const [first, ...rest] = body.lines;
      expect(first).toMatchObject({ kind: 'emergency', phone: emergency, country: code });
      expect(rest.some((line) => line.kind === 'crisis' && line.phone)).toBe(true);
      expect(rest.every((line) => line.kind !== 'emergency')).toBe(true);
      expect(body.lines.every((line) => line.country === code)).toBe(true);
      const order = body.lines.map((line) => line.sortOrder);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    },
  );

  it('has the lines SAFETY.md names', async () => {
    const gb = await help('?country=GB');
    expect(gb.lines.map((l) => l.phone)).toEqual(expect.arrayContaining(['999', '116 123', '111']));
    const us = await help('?country=US');
    expect(us.lines.map((l) => l.phone)).toEqual(expect.arrayContaining(['911', '988']));
  });

  it('lists every country it knows', async () => {
    const body = await help('?country=GB');
    expect(body.countries.map((c) => c.code)).toEqual(
      expect.arrayContaining(Object.keys(seededCountries)),
    );
    expect(body.countries.find((c) => c.code === 'IE')?.name).toBe('Ireland');
  });

  it('reads the country in any case and with spaces', async () => {
    const body = await help('?country=%20au%20');
    expect(body.country).toBe('AU');
    expect(body.emergencyNumber).toBe('000');
  });

  it('says when it knows no lines for a country, and gives 112', async () => {
    const body = await help('?country=FR');
    expect(body).toMatchObject({
      country: 'FR',
      known: false,
      emergencyNumber: FALLBACK_EMERGENCY_NUMBER,
      lines: [],
    });
    expect(FALLBACK_EMERGENCY_NUMBER).toBe('112');
  });

  it('gives 112 and no lines when no country is known at all', async () => {
    const body = await help();
    expect(body).toMatchObject({ country: null, known: false, emergencyNumber: '112', lines: [] });
  });

  it('uses the country in a signed-in member’s profile', async () => {
    const canadian = await makeMember(t, { country: 'CA' });
    const body = await help('', canadian.cookie);
    expect(body.country).toBe('CA');
    expect(body.emergencyNumber).toBe('911');
    expect(body.lines[0]?.kind).toBe('emergency');
    // An explicit choice wins over the profile.
    const chosen = await help('?country=IE', canadian.cookie);
    expect(chosen.country).toBe('IE');
  });

  it('follows a change of country in the profile', async () => {
    const m = await makeMember(t, { country: 'GB' });
    expect((await help('', m.cookie)).country).toBe('GB');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { cookie: m.cookie, origin: ORIGIN },
      payload: { country: 'US' },
    });
    expect(patch.statusCode).toBe(200);
    expect((await help('', m.cookie)).emergencyNumber).toBe('911');
  });

  it('refuses a country that is not two letters', async () => {
    const res = await t.app.inject({ url: '/api/help?country=Britain' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual({ country: translate('fields.country.invalid') });
  });
});

const newLine: CrisisLineInput = {
  country: 'NZ',
  kind: 'crisis',
  name: 'Need to talk? 1737',
  phone: '1737',
  textNumber: '1737',
  textMessage: null,
  url: 'https://1737.org.nz',
  hours: 'Any time',
  description: 'Call or text to talk with a trained counsellor.',
  sortOrder: 10,
};

function asAdmin(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: admin.cookie, origin: ORIGIN },
    ...(payload ? { payload } : {}),
  });
}

describe('/api/admin/crisis-lines', () => {
  it('lets an administrator add, list, change and remove a line', async () => {
    const created = await asAdmin('POST', '/api/admin/crisis-lines', newLine);
    expect(created.statusCode, created.body).toBe(201);
    const line: CrisisLine = created.json();
    expect(line).toEqual({ id: expect.any(String), ...newLine });

    const listed = await asAdmin('GET', '/api/admin/crisis-lines');
    expect(listed.statusCode).toBe(200);
    const lines: CrisisLine[] = listed.json().lines;
    expect(lines).toContainEqual(line);
    expect(lines.length).toBeGreaterThan(Object.keys(seededCountries).length);

    const nz = await help('?country=NZ');
    expect(nz.known).toBe(true);
    expect(nz.lines).toEqual([line]);
    expect(nz.emergencyNumber).toBe('112');
    expect(nz.countries.map((c) => c.code)).toContain('NZ');

    const emergency = await asAdmin('POST', '/api/admin/crisis-lines', {
      ...newLine,
      kind: 'emergency',
      name: 'Emergency services',
      phone: '111',
      textNumber: null,
      url: null,
      sortOrder: 0,
    });
    expect(emergency.statusCode).toBe(201);
    const withEmergency = await help('?country=NZ');
    expect(withEmergency.emergencyNumber).toBe('111');
    expect(withEmergency.lines.map((l) => l.kind)).toEqual(['emergency', 'crisis']);

    const changed = await asAdmin('PUT', `/api/admin/crisis-lines/${line.id}`, {
      ...newLine,
      hours: 'Any time, day or night',
      sortOrder: 5,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ ...line, hours: 'Any time, day or night', sortOrder: 5 });
    expect((await help('?country=NZ')).lines[1]?.hours).toBe('Any time, day or night');

    for (const id of [line.id, emergency.json().id]) {
      const removed = await asAdmin('DELETE', `/api/admin/crisis-lines/${id}`);
      expect(removed.statusCode).toBe(200);
      expect(removed.json()).toEqual({ ok: true });
    }
    const gone = await help('?country=NZ');
    expect(gone).toMatchObject({ known: false, lines: [], emergencyNumber: '112' });

    const again = await asAdmin('DELETE', `/api/admin/crisis-lines/${line.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('fills in the optional fields', async () => {
    const { textNumber, textMessage, url, sortOrder, ...required } = newLine;
    const created = await asAdmin('POST', '/api/admin/crisis-lines', {
      ...required,
      country: 'nz',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      country: 'NZ',
      textNumber: null,
      textMessage: null,
      url: null,
      sortOrder: 100,
    });
    await asAdmin('DELETE', `/api/admin/crisis-lines/${created.json().id}`);
  });

  it('answers 404 when changing a line that is not there', async () => {
    const res = await asAdmin('PUT', `/api/admin/crisis-lines/${randomUUID()}`, newLine);
    expect(res.statusCode).toBe(404);
  });

  it('refuses a bad line with a message per field', async () => {
    const res = await asAdmin('POST', '/api/admin/crisis-lines', {
      ...newLine,
      phone: 'call us',
      url: 'http://not-secure.example',
      kind: 'chat',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      phone: translate('fields.phone.invalid'),
      url: translate('fields.url.invalid'),
      kind: translate('fields.generic.chooseOption'),
    });
  });

  const attempts = [
    { method: 'GET', url: '/api/admin/crisis-lines' },
    { method: 'POST', url: '/api/admin/crisis-lines', payload: newLine },
    { method: 'PUT', url: `/api/admin/crisis-lines/${randomUUID()}`, payload: newLine },
    { method: 'DELETE', url: `/api/admin/crisis-lines/${randomUUID()}` },
  ] as const;

  it.each(attempts)('refuses $method $url to anyone but an administrator', async (attempt) => {
    const before = await asAdmin('GET', '/api/admin/crisis-lines');
    const who: [string, Member | undefined, number][] = [
      ['nobody', undefined, 401],
      ['a member', member, 403],
      ['a moderator', moderator, 403],
    ];
    for (const [name, person, status] of who) {
      const res = await t.app.inject({
        method: attempt.method,
        url: attempt.url,
        headers: { origin: ORIGIN, ...(person ? { cookie: person.cookie } : {}) },
        ...('payload' in attempt ? { payload: attempt.payload } : {}),
      });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().title).toBe(
        translate(status === 401 ? 'problems.signInNeeded' : 'problems.forbidden'),
      );
    }
    const after = await asAdmin('GET', '/api/admin/crisis-lines');
    expect(after.json()).toEqual(before.json());
  });
});
