import { describe, expect, it } from 'vitest';
import { cleanDisplayName, isStaffLikeName } from './names';

describe('cleanDisplayName', () => {
  it('takes out zero-width, direction-changing and other invisible characters', () => {
    expect(cleanDisplayName('Iv\u200By')).toBe('Ivy');
    expect(cleanDisplayName('\u202EnimdA')).toBe('nimdA');
    expect(cleanDisplayName('Ann\u2066a\u2069\u200F\uFEFF\u00AD')).toBe('Anna');
    expect(cleanDisplayName('Jo\u200C\u200D\u200E\u202A\u202B\u202C\u202D\u2067\u2068e')).toBe(
      'Joe',
    );
    expect(cleanDisplayName('\u3164\u115FSam\u2800')).toBe('Sam');
  });

  it('tidies spaces and keeps letters from every language', () => {
    expect(cleanDisplayName('  Rosa\u00A0\u2003 M  ')).toBe('Rosa M');
    expect(cleanDisplayName('Siobhán Ó Briain')).toBe('Siobhán Ó Briain');
    expect(cleanDisplayName('محمد')).toBe('محمد');
    expect(cleanDisplayName('王小明')).toBe('王小明');
  });
});

describe('isStaffLikeName', () => {
  it('refuses names that sound like the site staff', () => {
    for (const name of [
      'Ivy (moderator)',
      'Admin',
      'Moderator Team',
      'Been There staff',
      'Been There Team',
      'BeenThere',
      'mod',
      'The Mods',
      'Sam - Site Admin',
      'M.o.d.e.r.a.t.o.r',
      'Mod\u200Berator',
      'Moder\u00ADator',
      'Moderat0r',
      'ADM1N',
      '\u0410dmin', // Cyrillic A
      '\uFF21\uFF44\uFF4D\uFF49\uFF4E', // full-width letters
      'Administrator Jo',
      'Staff',
      'Official',
    ]) {
      expect(isStaffLikeName(name), name).toBe(true);
    }
  });

  it('lets ordinary names be', () => {
    for (const name of [
      'Maggie R',
      'Badminton Bob',
      'Modesty',
      'Frank from Leeds',
      'Been there too',
      'Team Rosa',
      'Admiral Jo',
      'Stafford',
      'Moderately Happy',
    ]) {
      expect(isStaffLikeName(name), name).toBe(false);
    }
  });
});
