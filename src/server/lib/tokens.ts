import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh 256-bit random token, URL-safe (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a token: HMAC-SHA256 keyed with the server secret. */
export function hashToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
