import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/access';
import { staffSightsOn } from './staff-views';

const person = (siteRole: Actor['siteRole'], userId = 'me'): Actor => ({
  userId,
  sessionId: 's',
  siteRole,
  trustLevel: 2,
});
const at = new Date('2026-03-02T12:00:00Z');
const topic = { id: 't1', groupId: null };

describe('what a topic page shows someone only because they are staff', () => {
  it('counts held posts by others, not their own, and nothing for members', () => {
    const posts = [
      { authorId: 'a', heldAt: at },
      { authorId: 'me', heldAt: at },
      { authorId: 'b', heldAt: null },
      { authorId: null, heldAt: at },
    ];
    expect(staffSightsOn(person('moderator'), { topic, posts, seesBoardAsMember: true })).toEqual({
      actorId: 'me',
      subject: { kind: 'topic', id: 't1' },
      what: ['held_posts'],
      heldPosts: 2,
      groupBoard: false,
    });
    expect(staffSightsOn(person('member'), { topic, posts, seesBoardAsMember: true })).toBeNull();
    expect(
      staffSightsOn(person('admin'), {
        topic,
        posts: [{ authorId: 'me', heldAt: at }],
        seesBoardAsMember: true,
      }),
    ).toBeNull();
  });

  it('names a board they could not read as a plain member', () => {
    const board = { id: 't2', groupId: 'g1' };
    const posts = [{ authorId: 'a', heldAt: null }];
    expect(
      staffSightsOn(person('admin'), { topic: board, posts, seesBoardAsMember: false }),
    ).toMatchObject({ what: ['private_board'], heldPosts: 0, groupBoard: true });
    // A board they read as a member (theirs, or a public group's) is nothing to write down.
    expect(
      staffSightsOn(person('admin'), { topic: board, posts, seesBoardAsMember: true }),
    ).toBeNull();
  });
});
