import { describe, expect, it } from 'vitest';
import { compareTrust, hasTrust, storedTrustLevel, trustLevelOf, trustLevels } from './trust';

describe('trust levels', () => {
  it('are ordered new < basic < member < regular < leader', () => {
    expect(trustLevels).toEqual(['new', 'basic', 'member', 'regular', 'leader']);
    expect(compareTrust('new', 'basic')).toBeLessThan(0);
    expect(compareTrust('leader', 'regular')).toBeGreaterThan(0);
    expect(compareTrust('member', 'member')).toBe(0);
  });

  it('say whether a level is enough', () => {
    expect(hasTrust('member', 'basic')).toBe(true);
    expect(hasTrust('basic', 'basic')).toBe(true);
    expect(hasTrust('new', 'basic')).toBe(false);
  });

  it('map the stored number (users.trust_level) to a level and back', () => {
    expect(trustLevels.map(storedTrustLevel)).toEqual([0, 1, 2, 3, 4]);
    expect([0, 1, 2, 3, 4].map(trustLevelOf)).toEqual(trustLevels);
    expect(trustLevelOf(-1)).toBe('new');
    expect(trustLevelOf(9)).toBe('leader');
    expect(trustLevelOf(Number.NaN)).toBe('new');
  });
});
