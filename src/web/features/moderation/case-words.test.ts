import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../contract/moderation';
import i18n from '../../i18n';
import { claimInWords, waitedInWords, whyInWords } from './case-words';

const t = i18n.t.bind(i18n);
const someone = { id: '00000000-0000-4000-8000-000000000001', displayName: 'Ivy' };

describe('a case in words', () => {
  it('says why it waits: worrying words by tier, reports by their reasons', () => {
    expect(whyInWords(t, { reason: 'screening', tier: 'high', priority: 'crisis' })).toBe(
      'Worrying words: a plan, a time or a place',
    );
    expect(whyInWords(t, { reason: 'report', tier: null, priority: 'other' })).toBe(
      'Reported by members',
    );
    expect(
      whyInWords(t, { reason: 'report', tier: null, priority: 'other' }, [
        'unkind',
        'spam',
        'unkind',
      ]),
    ).toBe('Reported: unkind, spam');
    expect(whyInWords(t, { reason: 'appeal', tier: null, priority: 'other' })).toBe(
      'A person asks for another look at a decision',
    );
  });

  it('says who has it, and when a claim is old enough to take over', () => {
    const open = { status: 'open', claimedBy: null, mine: false, claimStale: false } as const;
    expect(claimInWords(t, open)).toBe('No one has claimed it yet');
    expect(claimInWords(t, { ...open, status: 'claimed', claimedBy: someone })).toBe(
      'Claimed by Ivy',
    );
    expect(claimInWords(t, { ...open, status: 'claimed', claimedBy: someone, mine: true })).toBe(
      'You claimed it',
    );
    expect(
      claimInWords(t, { ...open, status: 'claimed', claimedBy: someone, claimStale: true }),
    ).toContain('You may take it over.');
  });

  it('says "under a minute" rather than "0 minutes"', () => {
    expect(waitedInWords(t, { waited: '0 minutes', waitedMinutes: 0 })).toBe(
      'Waiting for under a minute',
    );
    expect(waitedInWords(t, { waited: '2 hours', waitedMinutes: 125 })).toBe('Waiting for 2 hours');
  });
});

describe('the audit log in words', () => {
  it('has words for every action it records, so no entry shows a bare key', () => {
    for (const action of auditActions) {
      const key = `moderation.page.audit.what.${action.replace('.', '_')}`;
      expect(i18n.exists(key), key).toBe(true);
    }
  });
});
