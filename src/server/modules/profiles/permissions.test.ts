import { describe, expect, it } from 'vitest';
import type { Visibility } from '../../../contract/profiles';
import type { Actor } from '../../lib/access';
import { canSeeMemberProfile, canSeeProfileField, fieldsSeenAsStaff } from './permissions';

const ownerId = '00000000-0000-4000-8000-000000000001';
const actor = (userId: string, siteRole: Actor['siteRole'] = 'member'): Actor => ({
  userId,
  sessionId: 'session',
  siteRole,
  trustLevel: 1,
});
const owner = actor(ownerId);
const other = actor('00000000-0000-4000-8000-000000000002');
const admin = actor('00000000-0000-4000-8000-000000000003', 'admin');

type Viewer = 'owner' | 'other member' | 'admin' | 'nobody';
const viewers: Record<Viewer, Actor | null> = {
  owner,
  'other member': other,
  admin,
  nobody: null,
};

// viewer, visibility, share a group -> may see
const table: [Viewer, Visibility, boolean, boolean][] = [
  ['owner', 'only_me', false, true],
  ['owner', 'only_me', true, true],
  ['owner', 'my_groups', false, true],
  ['owner', 'my_groups', true, true],
  ['owner', 'members', false, true],
  ['owner', 'members', true, true],
  ['other member', 'only_me', false, false],
  ['other member', 'only_me', true, false],
  ['other member', 'my_groups', false, false],
  ['other member', 'my_groups', true, true],
  ['other member', 'members', false, true],
  ['other member', 'members', true, true],
  // Being an administrator gives no look at private health details.
  ['admin', 'only_me', false, false],
  ['admin', 'only_me', true, false],
  ['admin', 'my_groups', false, false],
  ['admin', 'my_groups', true, true],
  ['admin', 'members', false, true],
  ['admin', 'members', true, true],
  ['nobody', 'only_me', false, false],
  ['nobody', 'only_me', true, false],
  ['nobody', 'my_groups', false, false],
  ['nobody', 'my_groups', true, false],
  ['nobody', 'members', false, false],
  ['nobody', 'members', true, false],
];

describe('canSeeProfileField', () => {
  it.each(table)(
    '%s, field for %s, a group in common: %s -> %s',
    (viewer, visibility, share, may) => {
      expect(canSeeProfileField(viewers[viewer], ownerId, visibility, share)).toBe(may);
    },
  );

  it('covers every viewer, visibility and group case', () => {
    expect(new Set(table.map(([v, vis, share]) => `${v}/${vis}/${share}`)).size).toBe(24);
  });
});

describe('canSeeMemberProfile', () => {
  it('lets members in and keeps everyone else out', () => {
    expect(canSeeMemberProfile(other)).toBe(true);
    expect(canSeeMemberProfile(owner)).toBe(true);
    expect(canSeeMemberProfile(null)).toBe(false);
  });
});

describe('fieldsSeenAsStaff (what a staff look shows beyond a plain member’s: audited)', () => {
  const fields = [
    { name: 'about', visibility: 'only_me' as Visibility },
    { name: 'fatigue', visibility: 'my_groups' as Visibility },
    { name: 'role', visibility: 'members' as Visibility },
  ];
  it('finds nothing today: staff see what a plain member sees', () => {
    expect(fieldsSeenAsStaff(admin, ownerId, fields, false)).toEqual([]);
    expect(fieldsSeenAsStaff(admin, ownerId, fields, true)).toEqual([]);
    expect(fieldsSeenAsStaff(actor('m', 'moderator'), ownerId, fields, false)).toEqual([]);
  });
  it('never counts members, the owner or nobody', () => {
    expect(fieldsSeenAsStaff(other, ownerId, fields, true)).toEqual([]);
    expect(fieldsSeenAsStaff(actor(ownerId, 'admin'), ownerId, fields, false)).toEqual([]);
    expect(fieldsSeenAsStaff(null, ownerId, fields, false)).toEqual([]);
  });
});
