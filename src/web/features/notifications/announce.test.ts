import { describe, expect, it } from 'vitest';
import { heard, toAnnounce } from './announce';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const reply = { id: id(1), text: 'Sam replied to your topic “Jars”.' };
const strength = { id: id(2), text: 'Sam sent you strength in “Jars”.' };

describe('what a screen reader hears of new notifications', () => {
  it('hears nothing on the first load, however many are new', () => {
    expect(toAnnounce(null, 'me', { unread: 2, newest: [strength, reply] })).toBeNull();
  });

  it('hears the words of the one that came in when the count goes up', () => {
    const last = heard('me', { unread: 1, newest: [reply] });
    expect(toAnnounce(last, 'me', { unread: 2, newest: [strength, reply] })).toEqual({
      added: 1,
      text: strength.text,
    });
  });

  it('hears all that came in at once, newest first', () => {
    const last = heard('me', { unread: 0, newest: [] });
    expect(toAnnounce(last, 'me', { unread: 2, newest: [strength, reply] })).toEqual({
      added: 2,
      text: `${strength.text} ${reply.text}`,
    });
  });

  it('hears a gathered one again when its words grew while another came in', () => {
    const last = heard('me', { unread: 1, newest: [strength] });
    const more = { id: strength.id, text: '3 people sent you strength in “Jars”.' };
    expect(toAnnounce(last, 'me', { unread: 2, newest: [more, reply] })).toEqual({
      added: 1,
      text: `${more.text} ${reply.text}`,
    });
  });

  it('hears nothing when the count falls or stays, or when someone else signs in', () => {
    const last = heard('me', { unread: 2, newest: [strength, reply] });
    expect(toAnnounce(last, 'me', { unread: 1, newest: [reply] })).toBeNull();
    expect(toAnnounce(last, 'me', { unread: 2, newest: [strength, reply] })).toBeNull();
    expect(toAnnounce(last, 'you', { unread: 5, newest: [reply] })).toBeNull();
  });
});
