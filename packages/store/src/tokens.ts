/**
 * Access tokens: 32 random bytes (base64url) with a `p135_` prefix. Only their SHA-256 is stored:
 * a token carries 256 bits of chance, so a fast hash is as safe as a slow one (scrypt protects
 * guessable passwords, not random keys) and lets a request's token be found by its hash in one
 * indexed look-up.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'p135_';
/** `p135_` + 43 base64url characters. */
const TOKEN_SHAPE = /^p135_[A-Za-z0-9_-]{43}$/;

/** `province`, or `district:` and a 3-digit district code. */
export const ROLE_SHAPE = /^(province|district:[0-9]{3})$/;

export type Role = 'province' | `district:${string}`;

export function isRole(text: string): text is Role {
  return ROLE_SHAPE.test(text);
}

export function newToken(): { token: string; id: string } {
  return { token: `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`, id: randomBytes(6).toString('hex') };
}

/** Whether a text has a token's shape (checked before hashing, so nothing long is hashed). */
export function looksLikeToken(text: string): boolean {
  return TOKEN_SHAPE.test(text);
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
