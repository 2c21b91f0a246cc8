import { describe, expect, it } from 'vitest';
import { type Candidate, fitWeights, rankGroups, type Seeker } from './ranking';

const seeker = (over: Partial<Seeker> = {}): Seeker => ({
  role: 'survivor',
  ageBand: null,
  aphasia: null,
  format: null,
  hasPlace: false,
  maxKm: null,
  focus: [],
  size: null,
  access: [],
  languages: [],
  yearsSinceStroke: null,
  ...over,
});

const group = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  format: 'online',
  focus: [],
  languages: ['en'],
  sizeCap: 12,
  memberCount: 4,
  caregiversOnly: false,
  access: [],
  distanceKm: null,
  ...over,
});

const order = (s: Seeker, groups: Candidate[]) => rankGroups(s, groups).map((r) => r.id);
const reasonsOf = (s: Seeker, g: Candidate) => rankGroups(s, [g])[0]?.reasons.map((r) => r.code);

describe('rankGroups', () => {
  it('puts a 40-year-old in an under-55 group before a group of retirees', () => {
    const groups = [group('a-general'), group('b-young', { focus: ['under_55'] })];
    expect(order(seeker({ ageBand: 'under_55' }), groups)).toEqual(['b-young', 'a-general']);
    expect(reasonsOf(seeker({ ageBand: 'under_55' }), groups[1]!)).toContain('under55');
  });

  it('leaves an under-55 group out for someone 55 or over', () => {
    const groups = [group('a-young', { focus: ['under_55'] }), group('b-general')];
    expect(order(seeker({ ageBand: '55_plus' }), groups)).toEqual(['b-general']);
    expect(order(seeker({ ageBand: null }), groups)).toEqual(['a-young', 'b-general']);
  });

  it('offers a group beyond the distance only when it meets online too, and after every group within it', () => {
    const s = seeker({ hasPlace: true, maxKm: 25 });
    const groups = [
      group('a-far-hybrid', { format: 'hybrid', distanceKm: 513, focus: ['exercise'] }),
      group('b-far-in-person', { format: 'in_person', distanceKm: 30 }),
      group('c-near', { format: 'in_person', distanceKm: 10 }),
      group('d-online', { format: 'online' }),
    ];
    const ranked = order({ ...s, focus: ['exercise'] }, groups);
    // The far group has the topic asked for, and still comes last.
    expect(ranked).toEqual(['c-near', 'd-online', 'a-far-hybrid']);
    expect(reasonsOf(s, groups[0]!)).toContain('farOnline');
    expect(reasonsOf(s, groups[0]!)).not.toContain('hybrid');
    // Someone who wants to meet in person is not offered it at all.
    expect(order({ ...s, format: 'in_person' }, groups)).toEqual(['c-near']);
  });

  it('gives carers a space of their own, and keeps survivors out of caregiver-only groups', () => {
    const groups = [
      group('a-mixed'),
      group('b-carers', { focus: ['caregivers'] }),
      group('c-carers-only', { focus: ['caregivers'], caregiversOnly: true }),
    ];
    expect(order(seeker({ role: 'caregiver' }), groups)).toEqual([
      'c-carers-only',
      'b-carers',
      'a-mixed',
    ]);
    expect(order(seeker({ role: 'survivor' }), groups)).toEqual(['a-mixed', 'b-carers']);
    expect(order(seeker({ role: null }), groups)).not.toContain('c-carers-only');
  });

  it('prefers a small group when asked, so people get a word in', () => {
    const groups = [group('a-big', { sizeCap: 40 }), group('b-small', { sizeCap: 8 })];
    expect(order(seeker({ size: 'small' }), groups)).toEqual(['b-small', 'a-big']);
    expect(reasonsOf(seeker({ size: 'small' }), groups[1]!)).toContain('small');
  });

  it('puts aphasia-friendly groups first for people with aphasia, with a reason', () => {
    const groups = [group('a-general'), group('b-aphasia', { focus: ['aphasia_friendly'] })];
    expect(order(seeker({ aphasia: 'yes' }), groups)).toEqual(['b-aphasia', 'a-general']);
    expect(reasonsOf(seeker({ aphasia: 'some' }), groups[1]!)).toContain('aphasiaFriendly');
    // No aphasia: no boost, so ties break on id.
    expect(order(seeker({ aphasia: 'no' }), groups)).toEqual(['a-general', 'b-aphasia']);
  });

  it('leaves out in-person groups that are too far, or when the person wants online', () => {
    const near = group('a-near', { format: 'in_person', distanceKm: 3 });
    const far = group('b-far', { format: 'in_person', distanceKm: 300 });
    expect(order(seeker({ hasPlace: true }), [near, far])).toEqual(['a-near']);
    expect(order(seeker({ hasPlace: true, format: 'online' }), [near])).toEqual([]);
    expect(order(seeker({ hasPlace: false }), [near])).toEqual([]);
    expect(rankGroups(seeker({ hasPlace: true }), [near])[0]?.reasons).toContainEqual({
      code: 'near',
      km: 3,
    });
  });

  it('ranks nearer groups higher and says online groups need no travel', () => {
    const groups = [
      group('a-far', { format: 'in_person', distanceKm: 30 }),
      group('b-close', { format: 'in_person', distanceKm: 2 }),
    ];
    expect(order(seeker({ hasPlace: true, format: 'in_person' }), groups)).toEqual([
      'b-close',
      'a-far',
    ]);
    expect(reasonsOf(seeker(), group('c'))).toContain('online');
  });

  it('counts access needs met and missed at the venue', () => {
    const needs = seeker({ hasPlace: true, access: ['step_free', 'hearing_loop'] });
    const groups = [
      group('a-stairs', { format: 'in_person', distanceKm: 5, access: [] }),
      group('b-ok', { format: 'in_person', distanceKm: 5, access: ['step_free', 'hearing_loop'] }),
    ];
    expect(order(needs, groups)).toEqual(['b-ok', 'a-stairs']);
    expect(reasonsOf(needs, groups[1]!)).toContain('access');
  });

  it('leaves out groups in none of the languages asked for', () => {
    const groups = [group('a-en'), group('b-pl', { languages: ['pl'] })];
    expect(order(seeker({ languages: ['pl'] }), groups)).toEqual(['b-pl']);
  });

  it('says when a group is full and puts it after an open one of the same fit', () => {
    const groups = [group('a-full', { memberCount: 12 }), group('b-room')];
    expect(order(seeker(), groups)).toEqual(['b-room', 'a-full']);
    expect(reasonsOf(seeker(), groups[0]!)).toContain('waitlist');
  });

  it('mixes the problems: a young carer-free survivor with aphasia who wants a small group', () => {
    const s = seeker({ ageBand: 'under_55', aphasia: 'yes', size: 'small' });
    const groups = [
      group('a-retirees', { sizeCap: 30 }),
      group('b-carers', { focus: ['caregivers'] }),
      group('c-young-aphasia-small', { focus: ['under_55', 'aphasia_friendly'], sizeCap: 8 }),
      group('d-young-big', { focus: ['under_55'], sizeCap: 40 }),
      group('e-carers-only', { caregiversOnly: true, focus: ['caregivers'] }),
    ];
    const ranked = order(s, groups);
    expect(ranked[0]).toBe('c-young-aphasia-small');
    expect(ranked).not.toContain('e-carers-only');
    expect(ranked.indexOf('b-carers')).toBeGreaterThan(ranked.indexOf('d-young-big'));
  });

  it('is deterministic: the same input gives the same output, whatever the order given', () => {
    const groups = Array.from({ length: 30 }, (_, i) =>
      group(`g${String(i).padStart(2, '0')}`, { focus: i % 3 ? ['exercise'] : [] }),
    );
    const s = seeker({ focus: ['exercise'] });
    const once = rankGroups(s, groups);
    expect(rankGroups(s, [...groups].reverse())).toEqual(once);
  });

  it('keeps its weights in one place', () => {
    expect(fitWeights.aphasiaFriendly).toBeGreaterThan(0);
    expect(fitWeights.under55Match).toBeGreaterThan(0);
  });
});
