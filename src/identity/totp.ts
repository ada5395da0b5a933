/**
 * Time-based one-time passwords: HOTP (RFC 4226) over HMAC from `node:crypto`, and TOTP
 * (RFC 6238) on top, compatible with common authenticator apps (SHA-1, 6 digits, 30 s).
 *
 * @module
 */
import { createHmac, randomBytes } from 'node:crypto';

import { base32Encode } from './base32.js';
import { safeEqual } from './secret-tokens.js';

/** HMAC algorithms RFC 6238 allows. */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** TOTP settings. */
export interface TotpOptions {
  readonly digits: number;
  readonly stepSeconds: number;
  readonly algorithm: TotpAlgorithm;
  /** Steps accepted either side of now, for clock drift (RFC 6238 §5.2 recommends one). */
  readonly window: number;
}

/** What authenticator apps assume when nothing else is said. */
export const DEFAULT_TOTP: TotpOptions = {
  digits: 6,
  stepSeconds: 30,
  algorithm: 'sha1',
  window: 1,
};

/**
 * HOTP value for `counter` (RFC 4226 §5.3: dynamic truncation of the HMAC).
 *
 * @example
 * hotp(Buffer.from('12345678901234567890'), 0n, 6, 'sha1'); // '755224'
 */
export function hotp(
  secret: Uint8Array,
  counter: bigint,
  digits: number,
  algorithm: TotpAlgorithm,
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, '0');
}

/**
 * TOTP value at `unixSeconds` (RFC 6238 §4: counter = floor(time / step)).
 *
 * @example
 * totp(Buffer.from('12345678901234567890'), 59, { ...DEFAULT_TOTP, digits: 8 }); // '94287082'
 */
export function totp(
  secret: Uint8Array,
  unixSeconds: number,
  options: TotpOptions = DEFAULT_TOTP,
): string {
  const counter = BigInt(Math.floor(unixSeconds / options.stepSeconds));
  return hotp(secret, counter, options.digits, options.algorithm);
}

/**
 * The time step a `code` is valid for at `unixSeconds` (within the drift window), or undefined.
 * Callers store the step and refuse a step not greater than the last accepted one, so a code
 * cannot be replayed.
 *
 * @example
 * const step = matchTotp(secret, '287082', Date.now() / 1000);
 */
export function matchTotp(
  secret: Uint8Array,
  code: string,
  unixSeconds: number,
  options: TotpOptions = DEFAULT_TOTP,
): number | undefined {
  if (!/^\d+$/.test(code) || code.length !== options.digits) {
    return undefined;
  }
  const now = Math.floor(unixSeconds / options.stepSeconds);
  let matched: number | undefined;
  // Every candidate is checked, so the time taken does not reveal which step matched.
  for (let step = now - options.window; step <= now + options.window; step += 1) {
    const candidate = hotp(secret, BigInt(step), options.digits, options.algorithm);
    if (safeEqual(candidate, code) && matched === undefined) {
      matched = step;
    }
  }
  return matched;
}

/**
 * A new random 160-bit secret (RFC 4226 §4 recommends 160 bits), base32 encoded.
 *
 * @example
 * const secret = newTotpSecret();
 */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/**
 * The `otpauth://` URI authenticator apps read from a QR code.
 *
 * @example
 * totpUri('JBSWY3DPEHPK3PXP', 'ana', 'Puente');
 */
export function totpUri(secret: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const query = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
