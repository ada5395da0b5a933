/**
 * Random bearer secrets (session tokens, API keys, CSRF tokens) and their stored form. Only a
 * SHA-256 hash is ever stored: a stolen database yields no usable token. A plain hash is enough
 * because the secrets carry 256 random bits, so there is nothing to guess.
 *
 * @module
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Bytes of randomness in every token (256 bits). */
export const TOKEN_BYTES = 32;

/** Prefix of API keys, so leaked keys are recognisable by secret scanners. */
export const API_KEY_PREFIX = 'puente_';

/**
 * A new random token, base64url (43 characters).
 *
 * @example
 * const token = newToken();
 */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * A new API key: `puente_<key id>_<secret>`. The id is public (listed, revoked by it); the
 * whole string is the secret shown once.
 *
 * @example
 * const { id, key } = newApiKey();
 */
export function newApiKey(): { readonly id: string; readonly key: string } {
  const id = randomBytes(8).toString('hex');
  return { id, key: `${API_KEY_PREFIX}${id}_${newToken()}` };
}

/**
 * The key id of an API key string, or undefined when it is not shaped like one.
 *
 * @example
 * apiKeyId('puente_0011223344556677_…'); // '0011223344556677'
 */
export function apiKeyId(key: string): string | undefined {
  return /^puente_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/.exec(key)?.[1];
}

/**
 * The stored form of a token: SHA-256, hex.
 *
 * @example
 * hashToken(token).length; // 64
 */
export function hashToken(token: string): string {
  // One-shot hashing: every authenticated request hashes its token.
  return hash('sha256', token, 'hex');
}

/**
 * Constant-time equality of two strings (false for different lengths).
 *
 * @example
 * safeEqual(cookieToken, headerToken);
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
