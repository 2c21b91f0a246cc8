import { describe, expect, it } from 'vitest';
import { hashToken, newToken, sameHash } from './tokens';

describe('newToken', () => {
  it('is 256 random bits, URL-safe, 43 characters', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
  });
});

describe('hashToken', () => {
  const secret = 'a-server-secret-a-server-secret-1234';

  it('is stable for one secret and token, and hides the token', () => {
    const token = newToken();
    const hash = hashToken(secret, token);
    expect(hashToken(secret, token)).toBe(hash);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain(token);
  });

  it('depends on the secret and on the token', () => {
    const token = newToken();
    expect(hashToken(secret, token)).not.toBe(hashToken(`${secret}x`, token));
    expect(hashToken(secret, token)).not.toBe(hashToken(secret, newToken()));
  });

  it('is HMAC-SHA256 (a known answer)', () => {
    // RFC 4231 test case 2, in base64url.
    expect(hashToken('Jefe', 'what do ya want for nothing?')).toBe(
      Buffer.from(
        '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
        'hex',
      ).toString('base64url'),
    );
  });
});

describe('sameHash', () => {
  it('says whether two hashes are equal, whatever their lengths', () => {
    const hash = hashToken('secret', 'token');
    expect(sameHash(hash, hashToken('secret', 'token'))).toBe(true);
    expect(sameHash(hash, hashToken('secret', 'other'))).toBe(false);
    expect(sameHash(hash, hash.slice(1))).toBe(false);
    expect(sameHash(hash, '')).toBe(false);
    expect(sameHash('', '')).toBe(true);
  });
});
