/**
 * Password hashing with scrypt (RFC 7914) from `node:crypto`: memory-hard, so guessing on
 * GPUs or ASICs costs memory as well as time.
 *
 * Parameters (OWASP Password Storage Cheat Sheet, scrypt option "N=2^15, r=8, p=3"): each hash
 * needs 128 · N · r = 32 MiB of memory and about 100 ms of one core; `p = 3` triples the work
 * without raising memory. The salt is 16 random bytes and the derived key 32 bytes. Parameters
 * are stored in the hash, so raising them later only needs `needsRehash` at the next login.
 *
 * Format: `scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>`.
 *
 * @module
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

import { ValidationError } from '../core/errors.js';

/** scrypt cost parameters. */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** Production parameters (see the module comment). */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { logN: 15, r: 8, p: 3 };

/** Cheapest accepted parameters; tests use them to stay fast. */
export const MIN_SCRYPT_PARAMS: ScryptParams = { logN: 10, r: 8, p: 1 };

/** Longest password accepted; bounds the work one login request can cause. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Shortest password accepted (NIST SP 800-63B asks for at least 8; we ask for more). */
export const MIN_PASSWORD_LENGTH = 12;

const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Stored hashes with a larger cost than this are refused rather than computed, so a tampered
// row cannot make one login allocate gigabytes.
const MAX_LOG_N = 20;

/**
 * Hashes a password with a fresh random salt.
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.logN,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/**
 * True when `password` matches `stored`. The comparison takes the same time wherever the first
 * differing byte is; a malformed `stored` value is simply a mismatch.
 *
 * @example
 * await verifyPassword('correct horse battery staple', stored); // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === undefined || password.length > MAX_PASSWORD_LENGTH) {
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/**
 * True when `stored` was made with weaker parameters than `params` (or cannot be parsed).
 *
 * @example
 * if (needsRehash(stored)) { await store.setPassword(id, await hashPassword(password), …) }
 */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parseHash(stored);
  return (
    parsed === undefined ||
    parsed.params.logN < params.logN ||
    parsed.params.r < params.r ||
    parsed.params.p < params.p
  );
}

/**
 * Checks a new password: length bounds and not the username.
 *
 * @throws ValidationError naming the rule broken.
 * @example
 * validateNewPassword('a long passphrase here', 'ana');
 */
export function validateNewPassword(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new ValidationError(
      `password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
      { field: 'password' },
    );
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new ValidationError('password must not contain the username', { field: 'password' });
  }
}

interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || salt === undefined || key === undefined || !validParams(params)) {
    return undefined;
  }
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

function validParams({ logN, r, p }: ScryptParams): boolean {
  return (
    Number.isInteger(logN) &&
    logN >= MIN_SCRYPT_PARAMS.logN &&
    logN <= MAX_LOG_N &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 32 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 16
  );
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  // Node refuses scrypt above 32 MiB unless told; allow twice what the parameters need.
  const maxmem = 256 * N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { N, r: params.r, p: params.p, maxmem },
      (error, key) => {
        if (error === null) {
          resolve(key);
        } else {
          reject(error);
        }
      },
    );
  });
}
