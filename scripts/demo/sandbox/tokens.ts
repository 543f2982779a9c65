// Mints and hashes 43-character workspace tokens as the platform does.
import { createHash, randomBytes } from 'node:crypto';

/** Bytes of entropy in a workspace token (256 bit), as the platform mints them. */
export const TOKEN_BYTES = 32;
/** Length of the base64url text of a token: 32 bytes without padding. */
export const TOKEN_LENGTH = 43;
/** How many leading characters the platform keeps in clear as the token's prefix. */
export const TOKEN_PREFIX_LENGTH = 8;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Mints a token exactly like the platform: 32 random bytes, base64url, no padding, no prefix. */
export function mintTokenText(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The stored form of a token: hex sha256 of the plaintext (the plaintext is never stored). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when a string has the shape of a platform token (43 base64url characters). */
export function isTokenShaped(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/**
 * The bearer token of an `Authorization` header: the prefix must be exactly `Bearer `
 * (case-sensitive) and the rest is trimmed. Undefined when there is no usable bearer.
 */
export function bearerOf(header: string | undefined): string | undefined {
  if (!header || !header.startsWith('Bearer ')) return undefined;
  const token = header.slice('Bearer '.length).trim();
  return token || undefined;
}
